import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { MarkProposalAsSaleCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T6: the proposal becomes a sale, and so does the lead (T14). Answers with the proposal's id. */
@CommandHandler(MarkProposalAsSaleCommand)
export class MarkProposalAsSaleHandler implements ICommandHandler<MarkProposalAsSaleCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ customerId, proposalId, context }: MarkProposalAsSaleCommand): Promise<CommandResult> {
    const result = await runCustomerCommand(this.pipeline, customerId, { type: 'MarkProposalAsSale', customerId, proposalId }, context);
    return { ...result, id: proposalId };
  }
}
