import type { AddComment, InformDisinterest } from './commands';
import type { CustomerEvent } from './events';
import { existingCustomer } from './existing-customer';
import { leadStatusMove } from './lead-status-move';
import { COMMENT_MAX, DISINTEREST_REASON_MAX } from './limits';
import { requiredText } from './required-text';
import type { CustomerState } from './state';

/**
 * T8: the customer is not interested. They stay in the broker's portfolio; an open lead becomes
 * "no sale" (T14), while a lead that already bought stays a sale.
 */
export function decideInformDisinterest(command: InformDisinterest, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const reason = requiredText('reason', command.reason, DISINTEREST_REASON_MAX);
  return [
    { type: 'DisinterestInformed', data: { customerId: command.customerId, reason } },
    ...leadStatusMove(customer, 'no_sale', ['new', 'in_progress']),
  ];
}

/** T7: a comment on the timeline. */
export function decideAddComment(command: AddComment, state: CustomerState): CustomerEvent[] {
  existingCustomer(state, command.customerId);
  const text = requiredText('text', command.text, COMMENT_MAX);
  return [{ type: 'CommentAdded', data: { customerId: command.customerId, commentId: command.commentId, text } }];
}
