import type { LeadStatus } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';

/** T14 commands as sent through the CommandBus. */

export class ChangeLeadStatusCommand {
  constructor(readonly customerId: string, readonly status: LeadStatus, readonly context: CommandContext) {}
}

export class ScheduleLeadStatusChangeCommand {
  constructor(readonly customerId: string, readonly status: LeadStatus, readonly at: string, readonly context: CommandContext) {}
}

export class CancelScheduledLeadStatusChangeCommand {
  constructor(readonly customerId: string, readonly context: CommandContext) {}
}

/** Sent by the LeadStatusScheduler only: no route. */
export class ApplyScheduledLeadStatusChangeCommand {
  constructor(readonly customerId: string, readonly scheduleId: string, readonly context: CommandContext) {}
}
