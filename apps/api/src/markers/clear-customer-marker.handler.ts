import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { runCustomerCommand } from '../customers/run-customer-command';
import { ClearCustomerMarkerCommand } from './marker-commands';

/** CS6: the customer has no marker any more. */
@CommandHandler(ClearCustomerMarkerCommand)
export class ClearCustomerMarkerHandler implements ICommandHandler<ClearCustomerMarkerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, context }: ClearCustomerMarkerCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ClearCustomerMarker', customerId }, context);
  }
}
