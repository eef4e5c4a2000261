import { invalid } from '../shared/domain-error';
import type { ChangeRating } from './commands';
import type { CustomerEvent } from './events';
import { existingCustomer } from './existing-customer';
import { RATING_MAX, RATING_MIN } from './limits';
import type { CustomerState } from './state';

/**
 * T13: rate the lead from 0 to 5 stars. Zero is a rating (no star), not "unrated": the widget of
 * seed 001 goes "de 0 a 5", so clearing the stars is rating 0 (ADR 0034). The rating it already
 * has appends nothing, like temperature.
 */
export function decideChangeRating(command: ChangeRating, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const { rating } = command;
  if (!Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) {
    throw invalid('rating', `rating must be a whole number of stars from ${RATING_MIN} to ${RATING_MAX}`);
  }
  if (customer.rating === rating) return [];
  const from = customer.rating === undefined ? {} : { from: customer.rating };
  return [{ type: 'RatingChanged', data: { customerId: command.customerId, ...from, to: rating } }];
}
