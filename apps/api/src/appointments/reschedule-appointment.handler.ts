import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { RescheduleAppointmentCommand } from './appointment-commands';
import { runOnAppointment } from './run-on-appointment';

@CommandHandler(RescheduleAppointmentCommand)
export class RescheduleAppointmentHandler implements ICommandHandler<RescheduleAppointmentCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ appointmentId, body, context }: RescheduleAppointmentCommand): Promise<CommandResult> {
    return runOnAppointment(this.pipeline, appointmentId, { type: 'RescheduleAppointment', appointmentId, scheduledFor: body.scheduledFor }, context);
  }
}
