import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeObjectiveCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T3. */
@CommandHandler(ChangeObjectiveCommand)
export class ChangeObjectiveHandler implements ICommandHandler<ChangeObjectiveCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, objective, context }: ChangeObjectiveCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ChangeObjective', customerId, objective }, context);
  }
}
