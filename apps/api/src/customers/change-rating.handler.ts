import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeRatingCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T13. */
@CommandHandler(ChangeRatingCommand)
export class ChangeRatingHandler implements ICommandHandler<ChangeRatingCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, rating, context }: ChangeRatingCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ChangeRating', customerId, rating }, context);
  }
}
