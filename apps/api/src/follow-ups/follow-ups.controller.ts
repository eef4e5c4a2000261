import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import type { CommandResult } from '../commands/command-result';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { UuidParamPipe } from '../customers/customer-id.pipe';
import { ApiProblems, BadRequestProblem } from '../platform';
import { ActOnFollowUpCommand, DeleteFollowUpCommand, RegisterFollowUpCommand, SendFollowUpEmailCommand } from './follow-up-commands';
import { RegisterFollowUpDto } from './register-follow-up.dto';
import { RescheduleFollowUpDto } from './reschedule-follow-up.dto';
import { SendFollowUpEmailDto } from './send-follow-up-email.dto';

const idempotencyKey = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to retry safely: the command runs once' });
const ifMatch = ApiHeader({ name: 'If-Match', required: false, description: 'The revision you last read, e.g. "3": a different current revision answers 409' });
const notFound = { status: 404, description: 'Unknown follow-up (for a broker: also one registered by someone else)' };
const done = { status: 422, description: 'Already done (resolved by call or emailed)' };

/** Follow-up opportunities registered from the calendar (CAL5, CAL6; ADR 0037). */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @idempotencyKey
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Registered (CAL6); it shows on your calendar on nextContactOn, under follow-up' })
  @ApiProblems(400, 401, 403, 409, { status: 422, description: 'nextContactOn is before contactOn' })
  async register(@Body() body: RegisterFollowUpDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new RegisterFollowUpCommand(body, context)));
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Moved to the new day (CAL5); still to do' })
  @ApiProblems(400, 401, 403, notFound, 409, { status: 422, description: 'Already done, or nextContactOn is before the contact date' })
  async reschedule(@Param('id', UuidParamPipe) id: string, @Body() body: RescheduleFollowUpDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ActOnFollowUpCommand({ type: 'RescheduleFollowUp', followUpId: id, nextContactOn: body.nextContactOn }, context)));
  }

  @Post(':id/resolve-by-call')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Resolved by a phone call (CAL5): done, it moves to the done tab' })
  @ApiProblems(400, 401, 403, notFound, 409, done)
  async resolveByCall(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ActOnFollowUpCommand({ type: 'ResolveFollowUpByCall', followUpId: id }, context)));
  }

  @Post(':id/send-email')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({
    type: CommandAnswerDto,
    description:
      'Records that the message was sent by email to the follow-up’s address (CAL5): done, it moves to the done tab. Trilha does not deliver mail itself: it records the message, its placeholders replaced (CAL4, ADR 0039), and the address (ADR 0037)',
  })
  @ApiProblems(400, 401, 403, notFound, 409, {
    status: 422,
    description: 'Already done, the follow-up has no email address, the template does not exist or was deleted, or the message is empty or over 4000 characters once rendered',
  })
  async sendEmail(@Param('id', UuidParamPipe) id: string, @Body() body: SendFollowUpEmailDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    // A null field is left out (IsOptional lets null through).
    const message = body.message ?? undefined;
    const templateId = body.templateId ?? undefined;
    if (message !== undefined && templateId !== undefined) throw new BadRequestProblem('templateId', 'Send message or templateId, not both');
    if (message === undefined && templateId === undefined) throw new BadRequestProblem('message', 'message is required (or send templateId)');
    const source = templateId !== undefined ? { templateId } : { message: message as string };
    return answer(await this.commands.execute(new SendFollowUpEmailCommand(id, source, context)));
  }

  @Delete(':id')
  @HttpCode(200)
  @idempotencyKey
  @ApiOperation({
    summary: 'Delete a follow-up opportunity and erase its contact’s personal data (LGPD)',
    description:
      'Appends FollowUpDeleted and destroys the follow-up’s own data key (ADR 0042): from then on its name, contact name, email, phone and ' +
      'the address and text of an email recorded as sent read as "[dado removido]" in the history, and it leaves the calendar. ' +
      'Open or done, it may be deleted; a deleted follow-up accepts no command (409 follow_up_deleted).',
  })
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Deleted; `revision` and `position` are those of FollowUpDeleted' })
  @ApiProblems(400, 401, 403, notFound, { status: 409, description: 'Already deleted (follow_up_deleted), or a concurrent change' })
  async delete(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new DeleteFollowUpCommand(id, context)));
  }
}

function answer({ id, revision, position }: CommandResult): CommandAnswerDto {
  return { id, revision, position };
}
