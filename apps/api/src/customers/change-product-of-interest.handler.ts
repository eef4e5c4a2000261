import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeProductOfInterestCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T4. */
@CommandHandler(ChangeProductOfInterestCommand)
export class ChangeProductOfInterestHandler implements ICommandHandler<ChangeProductOfInterestCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, productId, context }: ChangeProductOfInterestCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ChangeProductOfInterest', customerId, productId }, context);
  }
}
