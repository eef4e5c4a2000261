import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ApplyScheduledLeadStatusChangeCommand } from './lead-status-commands';
import { runCustomerCommand } from './run-customer-command';

/** T14: a scheduled change that fell due, sent by the LeadStatusScheduler (docs/adr/0031). */
@CommandHandler(ApplyScheduledLeadStatusChangeCommand)
export class ApplyScheduledLeadStatusChangeHandler implements ICommandHandler<ApplyScheduledLeadStatusChangeCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, scheduleId, context }: ApplyScheduledLeadStatusChangeCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId }, context);
  }
}
