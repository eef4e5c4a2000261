import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeTemperatureCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T3. */
@CommandHandler(ChangeTemperatureCommand)
export class ChangeTemperatureHandler implements ICommandHandler<ChangeTemperatureCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, temperature, context }: ChangeTemperatureCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ChangeTemperature', customerId, temperature }, context);
  }
}
