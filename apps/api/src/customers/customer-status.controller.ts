import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../platform';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import {
  ChangeMomentCommand,
  ChangeObjectiveCommand,
  ChangeProductOfInterestCommand,
  ChangeTemperatureCommand,
  RevertTemperatureCommand,
} from './customer-commands';
import { UuidParamPipe } from './customer-id.pipe';
import { ChangeMomentDto, ChangeObjectiveDto, ChangeProductOfInterestDto, ChangeTemperatureDto } from './customer-status.dto';

const UNCHANGED = 'Setting the value the customer already has appends nothing and answers the current revision.';

/** The customer's status fields: temperature, objective, moment (T3) and product of interest (T4). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerStatusController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/temperature')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Temperature changed (T3). ${UNCHANGED}` })
  @ApiProblems(400, 401, 403, 404, 409)
  async changeTemperature(@Param('id', UuidParamPipe) id: string, @Body() body: ChangeTemperatureDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ChangeTemperatureCommand(id, body.temperature, context)));
  }

  @Post(':id/temperature/revert')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Back one step in the history of temperatures, like undo: each revert goes back one more change (T3)' })
  @ApiProblems(400, 401, 403, 404, { status: 409, description: 'Nothing to revert to (no earlier temperature, or every change reverted), or a concurrent change' })
  async revertTemperature(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new RevertTemperatureCommand(id, context)));
  }

  @Post(':id/objective')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Objective changed (T3). ${UNCHANGED}` })
  @ApiProblems(400, 401, 403, 404, 409)
  async changeObjective(@Param('id', UuidParamPipe) id: string, @Body() body: ChangeObjectiveDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ChangeObjectiveCommand(id, body.objective, context)));
  }

  @Post(':id/moment')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Moment and sub-moment set, e.g. research (T3). ${UNCHANGED}` })
  @ApiProblems(400, 401, 403, 404, 409)
  async changeMoment(@Param('id', UuidParamPipe) id: string, @Body() body: ChangeMomentDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ChangeMomentCommand(id, body.moment, body.subMoment, context)));
  }

  @Post(':id/product-of-interest')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Product of interest changed (T4). ${UNCHANGED}` })
  @ApiProblems(400, 401, 403, 404, 409)
  async changeProductOfInterest(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ChangeProductOfInterestDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ChangeProductOfInterestCommand(id, body.productId, context)));
  }
}
