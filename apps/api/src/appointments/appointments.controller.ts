import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import type { CommandResult } from '../commands/command-result';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { UuidParamPipe } from '../customers/customer-id.pipe';
import { ApiProblems } from '../platform';
import {
  ConfirmAppointmentCommand,
  MarkAppointmentLostCommand,
  MarkAppointmentSuccessCommand,
  RescheduleAppointmentCommand,
  ScheduleAppointmentCommand,
} from './appointment-commands';
import { LoseAppointmentDto } from './lose-appointment.dto';
import { RescheduleAppointmentDto } from './reschedule-appointment.dto';
import { ScheduleAppointmentDto } from './schedule-appointment.dto';

const idempotencyKey = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to retry safely: the command runs once' });
const ifMatch = ApiHeader({ name: 'If-Match', required: false, description: 'The revision you last read, e.g. "3": a different current revision answers 409' });
const refused = { status: 422, description: 'Not allowed in the appointment’s current status (or scheduled in the past)' };

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @idempotencyKey
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Scheduled (AS2); it shows on the responsible user’s calendar' })
  @ApiProblems(400, 401, 403, { status: 404, description: 'Unknown customer' }, 409, { status: 422, description: 'scheduledFor is not in the future' })
  async schedule(@Body() body: ScheduleAppointmentDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ScheduleAppointmentCommand(body, context)));
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Confirmed by hand (AS6)' })
  @ApiProblems(400, 401, 403, 404, 409, refused)
  async confirm(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ConfirmAppointmentCommand(id, context)));
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Moved to the new instant (AS3); it awaits confirmation again' })
  @ApiProblems(400, 401, 403, 404, 409, refused)
  async reschedule(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RescheduleAppointmentDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new RescheduleAppointmentCommand(id, body, context)));
  }

  @Post(':id/success')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Marked as success (AS4)' })
  @ApiProblems(400, 401, 403, 404, 409, refused)
  async success(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new MarkAppointmentSuccessCommand(id, context)));
  }

  @Post(':id/lost')
  @HttpCode(200)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Lost with a reason (AS5); `position` covers the future-cycle losses too' })
  @ApiProblems(400, 401, { status: 403, description: 'Role, or loseFutureCycle without admin/manager' }, 404, 409, refused)
  async lost(@Param('id', UuidParamPipe) id: string, @Body() body: LoseAppointmentDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new MarkAppointmentLostCommand(id, body, context)));
  }
}

function answer({ id, revision, position }: CommandResult): CommandAnswerDto {
  return { id, revision, position };
}
