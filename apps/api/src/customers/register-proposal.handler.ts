import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { amountToCents, invalid } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { RegisterProposalCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T6. Answers with the proposal's id, derived from the command id so a retry finds the same one. */
@CommandHandler(RegisterProposalCommand)
export class RegisterProposalHandler implements ICommandHandler<RegisterProposalCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ customerId, proposal, context }: RegisterProposalCommand): Promise<CommandResult> {
    const proposalId = entityIdFor(context.commandId, 'proposal');
    const amountCents = amountToCents(proposal.amount);
    if (amountCents === undefined) throw invalid('amount', 'amount must be a positive amount with at most 2 decimals');
    const { productId, notes } = proposal;
    const command = { type: 'RegisterProposal' as const, customerId, proposalId, productId, amountCents, ...(notes !== undefined ? { notes } : {}) };
    const result = await runCustomerCommand(this.pipeline, customerId, command, context);
    return { ...result, id: proposalId };
  }
}
