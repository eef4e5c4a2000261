import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeMomentCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T3: moment with an optional sub-moment. */
@CommandHandler(ChangeMomentCommand)
export class ChangeMomentHandler implements ICommandHandler<ChangeMomentCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, moment, subMoment, context }: ChangeMomentCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ChangeMoment', customerId, moment, ...(subMoment !== undefined ? { subMoment } : {}) }, context);
  }
}
