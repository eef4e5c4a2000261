import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { RevertTemperatureCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T3: one step back in the history of temperatures. */
@CommandHandler(RevertTemperatureCommand)
export class RevertTemperatureHandler implements ICommandHandler<RevertTemperatureCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, context }: RevertTemperatureCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'RevertTemperature', customerId }, context);
  }
}
