import { conflict, invalid, notFound } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import {
  EDITABLE_FIELDS,
  type CustomerData,
  type CustomerEvent,
  type FieldChange,
  type LeadOrigin,
  type Temperature,
} from './events';
import { evolveCustomer, initialCustomerState, type CustomerState } from './state';

export type RegisterCustomer = {
  type: 'RegisterCustomer';
  customerId: string;
  data: CustomerData;
  objective?: string;
  temperature?: Temperature;
  productOfInterestId?: string;
  origin?: LeadOrigin;
};

/** Only the fields present are edited; `null` clears an optional field. */
export type EditCustomerData = {
  type: 'EditCustomerData';
  customerId: string;
  changes: Partial<{ [K in keyof CustomerData]: CustomerData[K] | null }>;
};

export type CustomerCommand = RegisterCustomer | EditCustomerData;

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
  if (!state.exists) throw notFound('customer_not_found', `Customer ${command.customerId} does not exist`);
  if (command.changes.name === null) throw invalid('name', 'name cannot be cleared');
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_FIELDS) {
    if (!(field in command.changes)) continue;
    const requested = command.changes[field];
    const to = requested === null ? undefined : field === 'phones' ? uniquePhones(requested as string[]) : requested;
    const from = state.data[field];
    if (sameValue(from, to)) continue;
    changes.push(withoutUndefined({ field, from, to }) as FieldChange);
  }
  return changes.length === 0 ? [] : [{ type: 'CustomerDataEdited', data: { customerId: command.customerId, changes } }];
}

export const customerDecider: Decider<CustomerCommand, CustomerState, CustomerEvent> = {
  initialState: initialCustomerState,
  evolve: evolveCustomer,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterCustomer':
        return decideRegister(command, state);
      case 'EditCustomerData':
        return decideEdit(command, state);
    }
  },
};

function uniquePhones(phones: string[] = []): string[] {
  return [...new Set(phones.map((p) => p.trim()).filter((p) => p.length > 0))];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Event payloads are JSON: optional fields are left out rather than stored as undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
