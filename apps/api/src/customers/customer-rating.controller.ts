import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ApiProblems } from '../platform';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { ChangeRatingCommand } from './customer-commands';
import { UuidParamPipe } from './customer-id.pipe';
import { ChangeRatingDto } from './rating.dto';

/** T13: the lead's rating, 0 to 5 stars (seed 001, "Qualificação"). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerRatingController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/rating')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Rating set (T13). The rating the customer already has appends nothing and answers the current revision.' })
  @ApiProblems(400, 401, 403, { status: 404, description: 'The customer does not exist' }, { status: 409, description: 'The customer was deleted, or a concurrent change' })
  async rate(@Param('id', UuidParamPipe) id: string, @Body() body: ChangeRatingDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ChangeRatingCommand(id, body.rating, context)));
  }
}
