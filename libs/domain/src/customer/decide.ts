import { conflict, invalid } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import type { CustomerCommand, EditCustomerData, RegisterCustomer } from './commands';
import { decideAddComment, decideInformDisinterest } from './decide-engagement';
import {
  decideApplyScheduledLeadStatusChange,
  decideCancelScheduledLeadStatusChange,
  decideChangeLeadStatus,
  decideScheduleLeadStatusChange,
} from './decide-lead-status';
import { decideMarkProposalAsSale, decideRegisterProposal } from './decide-proposals';
import {
  decideChangeMoment,
  decideChangeObjective,
  decideChangeProductOfInterest,
  decideChangeTemperature,
  decideRevertTemperature,
} from './decide-status';
import { EDITABLE_FIELDS, type CustomerEvent, type FieldChange } from './events';
import { existingCustomer } from './existing-customer';
import { decideClearCustomerMarker, decideSetCustomerMarker } from './decide-marker';
import { decideAddNote } from './decide-notes';
import { decideChangeRating } from './decide-rating';
import { decideClearPortfolioException, decideMarkAsNonCustomer, decideSetPortfolioException, decideUnmarkAsNonCustomer } from './decide-portfolio';
import { sameValue, withoutUndefined } from './payload';
import { evolveCustomer, initialCustomerState, type CustomerState } from './state';

export type * from './commands';

function decideRegister(command: RegisterCustomer, state: CustomerState): CustomerEvent[] {
  if (state.exists) throw conflict('customer_exists', `Customer ${command.customerId} is already registered`);
  const { customerId, data, objective, temperature, productOfInterestId, origin } = command;
  return [
    {
      type: 'CustomerRegistered',
      data: withoutUndefined({ customerId, ...data, phones: uniquePhones(data.phones), objective, temperature, productOfInterestId, origin }),
    },
  ];
}

function decideEdit(command: EditCustomerData, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  if (command.changes.name === null) throw invalid('name', 'name cannot be cleared');
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_FIELDS) {
    if (!(field in command.changes)) continue;
    const requested = command.changes[field];
    const to = requested === null ? undefined : field === 'phones' ? uniquePhones(requested as string[]) : requested;
    const from = customer.data[field];
    if (sameValue(from, to)) continue;
    changes.push(withoutUndefined({ field, from, to }) as FieldChange);
  }
  return changes.length === 0 ? [] : [{ type: 'CustomerDataEdited', data: { customerId: command.customerId, changes } }];
}

export const customerDecider: Decider<CustomerCommand, CustomerState, CustomerEvent> = {
  initialState: initialCustomerState,
  evolve: evolveCustomer,
  decide(command, state, now) {
    switch (command.type) {
      case 'RegisterCustomer':
        return decideRegister(command, state);
      case 'EditCustomerData':
        return decideEdit(command, state);
      case 'ChangeTemperature':
        return decideChangeTemperature(command, state);
      case 'RevertTemperature':
        return decideRevertTemperature(command, state);
      case 'ChangeObjective':
        return decideChangeObjective(command, state);
      case 'ChangeMoment':
        return decideChangeMoment(command, state);
      case 'ChangeProductOfInterest':
        return decideChangeProductOfInterest(command, state);
      case 'RegisterProposal':
        return decideRegisterProposal(command, state);
      case 'MarkProposalAsSale':
        return decideMarkProposalAsSale(command, state);
      case 'InformDisinterest':
        return decideInformDisinterest(command, state);
      case 'AddComment':
        return decideAddComment(command, state);
      case 'DeleteCustomer':
        existingCustomer(state, command.customerId);
        return [{ type: 'CustomerDeleted', data: { customerId: command.customerId } }];
      case 'SetCustomerMarker':
        return decideSetCustomerMarker(command, state);
      case 'ClearCustomerMarker':
        return decideClearCustomerMarker(command, state);
      case 'ChangeLeadStatus':
        return decideChangeLeadStatus(command, state);
      case 'ScheduleLeadStatusChange':
        return decideScheduleLeadStatusChange(command, state, now);
      case 'CancelScheduledLeadStatusChange':
        return decideCancelScheduledLeadStatusChange(command, state);
      case 'ApplyScheduledLeadStatusChange':
        return decideApplyScheduledLeadStatusChange(command, state, now);
      case 'ChangeRating':
        return decideChangeRating(command, state);
      case 'AddNote':
        return decideAddNote(command, state);
      case 'MarkAsNonCustomer':
        return decideMarkAsNonCustomer(command, state);
      case 'UnmarkAsNonCustomer':
        return decideUnmarkAsNonCustomer(command, state);
      case 'SetPortfolioException':
        return decideSetPortfolioException(command, state);
      case 'ClearPortfolioException':
        return decideClearPortfolioException(command, state);
    }
  },
};

function uniquePhones(phones: string[] = []): string[] {
  return [...new Set(phones.map((p) => p.trim()).filter((p) => p.length > 0))];
}
