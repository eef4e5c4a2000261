import { appointmentStreamId, customerAppointmentsStreamId, customerContactsStreamId, customerJourneyStreamId, customerStreamId } from '@trilha/domain';
import { comparePositions, type EventStore, type RecordedEvent } from '@trilha/event-store';

/**
 * Every stream that holds events about one customer, found without scanning `$all` (ADR 0016):
 * its own stream, its place in wallets and journeys (`customerjourney-<id>`), its appointment
 * index (`customerappointments-<id>`) and each appointment the index names, and its contacts
 * (`customercontacts-<id>`).
 */
export async function readCustomerRelatedEvents(store: EventStore, customerId: string): Promise<RecordedEvent[]> {
  const [own, journey, index, contacts] = await Promise.all([
    store.readStream(customerStreamId(customerId)),
    store.readStream(customerJourneyStreamId(customerId)),
    store.readStream(customerAppointmentsStreamId(customerId)),
    store.readStream(customerContactsStreamId(customerId)),
  ]);
  const appointmentIds = [...new Set(index.map((e) => e.data.appointmentId).filter((id): id is string => typeof id === 'string'))];
  const appointments = await Promise.all(appointmentIds.map((id) => store.readStream(appointmentStreamId(id))));
  return [...own, ...journey, ...index, ...contacts, ...appointments.flat()].sort((a, b) => comparePositions(a.position, b.position));
}
