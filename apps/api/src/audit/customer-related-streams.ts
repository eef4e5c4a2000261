import { appointmentStreamId, customerAppointmentsStreamId, customerJourneyStreamId, customerStreamId } from '@trilha/domain';
import { comparePositions, type EventStore, type RecordedEvent } from '@trilha/event-store';

/**
 * Every stream that holds events about one customer, found without scanning `$all` (ADR 0016):
 * its own stream, its place in wallets and journeys (`customerjourney-<id>`), its appointment
 * index (`customerappointments-<id>`) and each appointment the index names.
 */
export async function readCustomerRelatedEvents(store: EventStore, customerId: string): Promise<RecordedEvent[]> {
  const [own, journey, index] = await Promise.all([
    store.readStream(customerStreamId(customerId)),
    store.readStream(customerJourneyStreamId(customerId)),
    store.readStream(customerAppointmentsStreamId(customerId)),
  ]);
  const appointmentIds = [...new Set(index.map((e) => e.data.appointmentId).filter((id): id is string => typeof id === 'string'))];
  const appointments = await Promise.all(appointmentIds.map((id) => store.readStream(appointmentStreamId(id))));
  return [...own, ...journey, ...index, ...appointments.flat()].sort((a, b) => comparePositions(a.position, b.position));
}
