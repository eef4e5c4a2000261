import type { Decider, DomainEvent } from '../shared/decider';

/**
 * The customer's appointment index: every appointment ever scheduled for a customer, in its own
 * stream. "Lose the future cycle" reads it to find the customer's other appointments without
 * asking a read model (ADR 0009). It never starts with `customer-`: that prefix is the customer's.
 */
export const CUSTOMER_APPOINTMENTS_STREAM_PREFIX = 'customerappointments-';
export const customerAppointmentsStreamId = (customerId: string) => `${CUSTOMER_APPOINTMENTS_STREAM_PREFIX}${customerId}`;

export type CustomerAppointmentListed = DomainEvent<'CustomerAppointmentListed', { customerId: string; appointmentId: string }>;
export type CustomerAppointmentsEvent = CustomerAppointmentListed;

export type ListCustomerAppointment = { type: 'ListCustomerAppointment'; customerId: string; appointmentId: string };

export interface CustomerAppointmentsState {
  appointmentIds: string[];
}

export const customerAppointmentsDecider: Decider<ListCustomerAppointment, CustomerAppointmentsState, CustomerAppointmentsEvent> = {
  initialState: { appointmentIds: [] },
  evolve: (state, event) =>
    event.type === 'CustomerAppointmentListed' ? { appointmentIds: [...state.appointmentIds, event.data.appointmentId] } : state,
  decide(command, state) {
    if (state.appointmentIds.includes(command.appointmentId)) return [];
    return [{ type: 'CustomerAppointmentListed', data: { customerId: command.customerId, appointmentId: command.appointmentId } }];
  },
};
