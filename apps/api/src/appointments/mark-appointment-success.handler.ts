import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { MarkAppointmentSuccessCommand } from './appointment-commands';
import { runOnAppointment } from './run-on-appointment';

@CommandHandler(MarkAppointmentSuccessCommand)
export class MarkAppointmentSuccessHandler implements ICommandHandler<MarkAppointmentSuccessCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ appointmentId, context }: MarkAppointmentSuccessCommand): Promise<CommandResult> {
    return runOnAppointment(this.pipeline, appointmentId, { type: 'MarkAppointmentSuccess', appointmentId }, context);
  }
}
