import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from '../customers/command-route';
import { UuidParamPipe } from '../customers/customer-id.pipe';
import { ApiProblems } from '../platform';
import { ClearCustomerMarkerCommand, SetCustomerMarkerCommand } from './marker-commands';
import { SetCustomerMarkerDto } from './marker.dto';

const CUSTOMER_PROBLEMS = [400, 403, { status: 404, description: 'The customer does not exist' }, { status: 409, description: 'The customer was deleted, or a concurrent change' }] as const;

/** CS6: the one marker of a customer, set on the customer 360. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerMarkerController {
  constructor(private readonly commands: CommandGateway) {}

  @Put(':id/marker')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'The marker is set, replacing the one the customer had; the marker they already have appends nothing' })
  @ApiProblems(...CUSTOMER_PROBLEMS, { status: 422, description: 'markerId names no marker (unknown, or deleted)' })
  async set(@Param('id', UuidParamPipe) id: string, @Body() body: SetCustomerMarkerDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new SetCustomerMarkerCommand(id, body.markerId.toLowerCase(), context)));
  }

  @Delete(':id/marker')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'The customer has no marker; a customer without one appends nothing' })
  @ApiProblems(...CUSTOMER_PROBLEMS)
  async clear(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ClearCustomerMarkerCommand(id, context)));
  }
}
