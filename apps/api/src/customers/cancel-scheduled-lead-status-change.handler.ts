import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { CancelScheduledLeadStatusChangeCommand } from './lead-status-commands';
import { runCustomerCommand } from './run-customer-command';

/** T14: the pending scheduled change will not happen. */
@CommandHandler(CancelScheduledLeadStatusChangeCommand)
export class CancelScheduledLeadStatusChangeHandler implements ICommandHandler<CancelScheduledLeadStatusChangeCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, context }: CancelScheduledLeadStatusChangeCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'CancelScheduledLeadStatusChange', customerId }, context);
  }
}
