import type { CommandContext } from '../commands/command-context';
import type { LoseAppointmentDto } from './lose-appointment.dto';
import type { RescheduleAppointmentDto } from './reschedule-appointment.dto';
import type { ScheduleAppointmentDto } from './schedule-appointment.dto';

export class ScheduleAppointmentCommand {
  constructor(readonly body: ScheduleAppointmentDto, readonly context: CommandContext) {}
}

export class RescheduleAppointmentCommand {
  constructor(readonly appointmentId: string, readonly body: RescheduleAppointmentDto, readonly context: CommandContext) {}
}

export class ConfirmAppointmentCommand {
  constructor(readonly appointmentId: string, readonly context: CommandContext) {}
}

export class MarkAppointmentSuccessCommand {
  constructor(readonly appointmentId: string, readonly context: CommandContext) {}
}

export class MarkAppointmentLostCommand {
  constructor(readonly appointmentId: string, readonly body: LoseAppointmentDto, readonly context: CommandContext) {}
}
