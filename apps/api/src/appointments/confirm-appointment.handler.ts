import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ConfirmAppointmentCommand } from './appointment-commands';
import { runOnAppointment } from './run-on-appointment';

@CommandHandler(ConfirmAppointmentCommand)
export class ConfirmAppointmentHandler implements ICommandHandler<ConfirmAppointmentCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ appointmentId, context }: ConfirmAppointmentCommand): Promise<CommandResult> {
    return runOnAppointment(this.pipeline, appointmentId, { type: 'ConfirmAppointment', appointmentId }, context);
  }
}
