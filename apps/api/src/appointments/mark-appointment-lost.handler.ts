import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appointmentDecider, appointmentStreamId, customerAppointmentsDecider, customerAppointmentsStreamId } from '@trilha/domain';
import { parsePosition, positionKey } from '@trilha/event-store';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ForbiddenProblem, type Role } from '../platform';
import { MarkAppointmentLostCommand } from './appointment-commands';
import { derivedContext } from './derived-context';
import { runOnAppointment } from './run-on-appointment';
import { AggregateReader } from '../commands/aggregate-reader';

/** Seed 003: losing the future cycle "needs access". */
export const FUTURE_CYCLE_ROLES: readonly Role[] = ['admin', 'manager'];

/**
 * Loses the appointment; with `loseFutureCycle`, then loses each of the customer's other open
 * appointments scheduled later, each decided on its own stream (ADR 0009). A retried request
 * resumes the cascade where it stopped: every step's command id derives from the request's.
 */
@CommandHandler(MarkAppointmentLostCommand)
export class MarkAppointmentLostHandler implements ICommandHandler<MarkAppointmentLostCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline, private readonly streams: AggregateReader) {}

  async execute({ appointmentId, body, context }: MarkAppointmentLostCommand): Promise<CommandResult> {
    const loseFutureCycle = body.loseFutureCycle ?? false;
    if (loseFutureCycle && !FUTURE_CYCLE_ROLES.includes(context.actor.role as Role)) {
      throw new ForbiddenProblem(`Only ${FUTURE_CYCLE_ROLES.join(' or ')} may lose a customer's future cycle`);
    }
    const lost = await runOnAppointment(this.pipeline, appointmentId, { type: 'MarkAppointmentLost', appointmentId, reason: body.reason, loseFutureCycle }, context);
    if (!loseFutureCycle) return lost;
    const cascade = await this.loseLaterAppointments(appointmentId, body.reason, context);
    return { ...lost, position: latest([lost.position, ...cascade.map((r) => r.position)]), appended: lost.appended || cascade.some((r) => r.appended) };
  }

  private async loseLaterAppointments(appointmentId: string, reason: string, context: CommandContext): Promise<CommandResult[]> {
    const lostOne = await this.streams.state(appointmentStreamId(appointmentId), appointmentDecider);
    if (!lostOne.exists) return [];
    const { appointmentIds } = await this.streams.state(customerAppointmentsStreamId(lostOne.customerId), customerAppointmentsDecider);
    const results: CommandResult[] = [];
    for (const otherId of appointmentIds.filter((id) => id !== appointmentId)) {
      const command = { type: 'LoseAppointmentInCycle' as const, appointmentId: otherId, cycleOf: appointmentId, after: lostOne.scheduledFor, reason };
      results.push(await runOnAppointment(this.pipeline, otherId, command, derivedContext(context, `future-cycle-loss:${otherId}`)));
    }
    return results;
  }
}

/** The latest of some global positions: what a client waits for to read every write of the request. */
function latest(positions: (string | null)[]): string | null {
  const key = (position: string) => positionKey(parsePosition(position)!);
  return positions.reduce<string | null>((best, p) => (p !== null && (best === null || key(p) > key(best)) ? p : best), null);
}
