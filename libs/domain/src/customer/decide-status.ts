import { conflict } from '../shared/domain-error';
import type { ChangeMoment, ChangeObjective, ChangeProductOfInterest, ChangeTemperature, RevertTemperature } from './commands';
import type { CustomerEvent, Moment } from './events';
import { existingCustomer } from './existing-customer';
import { MOMENT_MAX, OBJECTIVE_MAX, PRODUCT_ID_MAX } from './limits';
import { sameValue, withoutUndefined } from './payload';
import { requiredText } from './required-text';
import type { CustomerState } from './state';

// The status fields of T3/T4. Setting a field to the value it already has appends nothing.

export function decideChangeTemperature(command: ChangeTemperature, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  if (customer.temperature === command.temperature) return [];
  return [{ type: 'TemperatureChanged', data: withoutUndefined({ customerId: command.customerId, from: customer.temperature, to: command.temperature }) }];
}

/** Goes back one step: a second revert goes back one more, as far as the first temperature. */
export function decideRevertTemperature(command: RevertTemperature, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const previous = customer.earlierTemperatures[customer.earlierTemperatures.length - 1];
  if (!previous || !customer.temperature) {
    throw conflict('nothing_to_revert', `Customer ${command.customerId} has no earlier temperature to revert to`);
  }
  return [{ type: 'TemperatureReverted', data: { customerId: command.customerId, from: customer.temperature, to: previous } }];
}

export function decideChangeObjective(command: ChangeObjective, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const objective = requiredText('objective', command.objective, OBJECTIVE_MAX);
  if (customer.objective === objective) return [];
  return [{ type: 'ObjectiveChanged', data: withoutUndefined({ customerId: command.customerId, from: customer.objective, to: objective }) }];
}

export function decideChangeMoment(command: ChangeMoment, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const to: Moment = withoutUndefined({
    moment: requiredText('moment', command.moment, MOMENT_MAX),
    subMoment: command.subMoment === undefined ? undefined : requiredText('subMoment', command.subMoment, MOMENT_MAX),
  });
  if (sameValue(customer.moment, to)) return [];
  return [{ type: 'MomentChanged', data: withoutUndefined({ customerId: command.customerId, from: customer.moment, to }) }];
}

export function decideChangeProductOfInterest(command: ChangeProductOfInterest, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const productId = requiredText('productId', command.productId, PRODUCT_ID_MAX);
  if (customer.productOfInterestId === productId) return [];
  return [
    { type: 'ProductOfInterestChanged', data: withoutUndefined({ customerId: command.customerId, from: customer.productOfInterestId, to: productId }) },
  ];
}
