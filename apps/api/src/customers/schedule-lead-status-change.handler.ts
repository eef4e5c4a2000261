import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { ScheduleLeadStatusChangeCommand } from './lead-status-commands';
import { runCustomerCommand } from './run-customer-command';

/** T14. The schedule's id derives from the command id, so a retry with the same Idempotency-Key names the same one. */
@CommandHandler(ScheduleLeadStatusChangeCommand)
export class ScheduleLeadStatusChangeHandler implements ICommandHandler<ScheduleLeadStatusChangeCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, status, at, context }: ScheduleLeadStatusChangeCommand): Promise<CommandResult> {
    const scheduleId = entityIdFor(context.commandId, 'lead-status-schedule');
    return runCustomerCommand(this.pipeline, customerId, { type: 'ScheduleLeadStatusChange', customerId, scheduleId, status, at }, context);
  }
}
