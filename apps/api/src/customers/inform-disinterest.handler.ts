import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { InformDisinterestCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T8: the customer stays in the broker’s portfolio. */
@CommandHandler(InformDisinterestCommand)
export class InformDisinterestHandler implements ICommandHandler<InformDisinterestCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, reason, context }: InformDisinterestCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'InformDisinterest', customerId, reason }, context);
  }
}
