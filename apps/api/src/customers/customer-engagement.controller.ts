import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../platform';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { AddCommentCommand, InformDisinterestCommand } from './customer-commands';
import { UuidParamPipe } from './customer-id.pipe';
import { AddCommentDto, InformDisinterestDto } from './engagement.dto';

/** What the customer told us: disinterest (T8) and comments on the timeline (T7). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerEngagementController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/disinterest')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Disinterest recorded; the customer stays in the broker’s portfolio. An open lead becomes No sale (T14).' })
  @ApiProblems(400, 401, 403, 404, 409)
  async informDisinterest(@Param('id', UuidParamPipe) id: string, @Body() body: InformDisinterestDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new InformDisinterestCommand(id, body.reason, context)));
  }

  @Post(':id/comments')
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Comment added to the timeline; `id` is the comment’s' })
  @ApiProblems(400, 401, 403, 404, 409)
  async comment(@Param('id', UuidParamPipe) id: string, @Body() body: AddCommentDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new AddCommentCommand(id, body.text, context)));
  }
}
