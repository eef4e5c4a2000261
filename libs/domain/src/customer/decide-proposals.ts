import { conflict, invalid, notFound } from '../shared/domain-error';
import type { MarkProposalAsSale, RegisterProposal } from './commands';
import type { CustomerEvent } from './events';
import { existingCustomer } from './existing-customer';
import { leadStatusMove } from './lead-status-move';
import { PRODUCT_ID_MAX, PROPOSAL_NOTES_MAX } from './limits';
import { MAX_AMOUNT_CENTS } from './money';
import { withoutUndefined } from './payload';
import { requiredText } from './required-text';
import type { CustomerState } from './state';

/** T6. The first proposal of a new lead puts it in progress (T14). */
export function decideRegisterProposal(command: RegisterProposal, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const { customerId, proposalId, amountCents, notes } = command;
  if (customer.proposals[proposalId]) throw conflict('proposal_exists', `Proposal ${proposalId} is already registered`);
  const productId = requiredText('productId', command.productId, PRODUCT_ID_MAX);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > MAX_AMOUNT_CENTS) {
    throw invalid('amount', 'amount must be a positive amount with at most 2 decimals');
  }
  if (notes !== undefined && notes.length > PROPOSAL_NOTES_MAX) throw invalid('notes', `notes must be at most ${PROPOSAL_NOTES_MAX} characters`);
  return [
    { type: 'ProposalRegistered', data: withoutUndefined({ customerId, proposalId, productId, amountCents, notes }) },
    ...leadStatusMove(customer, 'in_progress', ['new']),
  ];
}

/**
 * T6: an open proposal becomes a sale and so does the lead (T14). A proposal already sold is a
 * state conflict (409): it cannot be sold twice.
 */
export function decideMarkProposalAsSale(command: MarkProposalAsSale, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const proposal = customer.proposals[command.proposalId];
  if (!proposal) throw notFound('proposal_not_found', `Customer ${command.customerId} has no proposal ${command.proposalId}`);
  if (proposal.status === 'sold') throw conflict('proposal_already_sold', `Proposal ${command.proposalId} is already a sale`);
  return [
    { type: 'ProposalMarkedAsSale', data: { customerId: command.customerId, proposalId: command.proposalId } },
    ...leadStatusMove(customer, 'sale', ['new', 'in_progress', 'no_sale']),
  ];
}
