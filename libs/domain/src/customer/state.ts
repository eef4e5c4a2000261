import type { CustomerData, CustomerEvent, Temperature } from './events';

export type CustomerState =
  | { exists: false }
  | {
      exists: true;
      customerId: string;
      data: CustomerData;
      objective?: string;
      temperature?: Temperature;
      productOfInterestId?: string;
    };

export const initialCustomerState: CustomerState = { exists: false };

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered': {
      const { customerId, objective, temperature, productOfInterestId, origin: _origin, ...data } = event.data;
      return { exists: true, customerId, data: { ...data, phones: [...data.phones] }, objective, temperature, productOfInterestId };
    }
    case 'CustomerDataEdited': {
      if (!state.exists) return state;
      const data: CustomerData = { ...state.data };
      for (const change of event.data.changes) {
        if (change.to === undefined) delete (data as unknown as Record<string, unknown>)[change.field];
        else (data as unknown as Record<string, unknown>)[change.field] = change.to;
      }
      return { ...state, data };
    }
    default:
      return state;
  }
}
