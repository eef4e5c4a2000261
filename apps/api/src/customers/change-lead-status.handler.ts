import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeLeadStatusCommand } from './lead-status-commands';
import { runCustomerCommand } from './run-customer-command';

/** T14: the lead status set by hand. */
@CommandHandler(ChangeLeadStatusCommand)
export class ChangeLeadStatusHandler implements ICommandHandler<ChangeLeadStatusCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, status, context }: ChangeLeadStatusCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ChangeLeadStatus', customerId, status }, context);
  }
}
