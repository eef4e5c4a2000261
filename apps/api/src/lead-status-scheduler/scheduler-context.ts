import type { PendingScheduleDocument } from '@trilha/projections/lead-status-schedules';
import type { Actor, CommandContext } from '../commands/command-context';
import { commandIdFor } from '../commands/deterministic-ids';

/** Who carries out scheduled changes: recorded as the actor of the events it appends. */
export const SCHEDULER_ACTOR: Actor = { id: 'trilha-scheduler', role: 'system', name: 'Agendador', kind: 'system' };

/**
 * The context of applying one scheduled change. The command id derives from the schedule, so
 * every run, in any process, sends the same command: once one has appended, the others find its
 * id in the stream and append nothing. It is not marked new, so the pipeline always reads the
 * stream first (ADR 0026). Causation and correlation lead back to the event that scheduled it.
 */
export function schedulerContext(schedule: PendingScheduleDocument): CommandContext {
  return {
    actor: SCHEDULER_ACTOR,
    commandId: commandIdFor(SCHEDULER_ACTOR.id, `apply-lead-status-change:${schedule.scheduleId}`),
    correlationId: schedule.correlationId,
    causationId: schedule.causationId,
  };
}
