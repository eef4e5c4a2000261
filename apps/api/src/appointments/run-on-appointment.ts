import { appointmentDecider, appointmentStreamId, type AppointmentCommand } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';

/** Runs an appointment command on the appointment's own stream. */
export function runOnAppointment(pipeline: CommandPipeline, appointmentId: string, command: AppointmentCommand, context: CommandContext): Promise<CommandResult> {
  return pipeline.run({ streamId: appointmentStreamId(appointmentId), aggregateId: appointmentId, decider: appointmentDecider, command, context });
}
