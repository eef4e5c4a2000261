import { customerStreamId, type HashedEvent } from '@trilha/domain';
import type { EventStore, RecordedEvent } from '@trilha/event-store';
import { NotFoundProblem } from '../platform';

/** The customer's stream as stored, oldest first; 404 when it has no events. */
export async function readCustomerStream(store: EventStore, customerId: string): Promise<RecordedEvent[]> {
  const events = await store.readStream(customerStreamId(customerId));
  if (events.length === 0) throw new NotFoundProblem(`Customer ${customerId} does not exist`);
  return events;
}

/** When the event happened: the command's clock (metadata), else when the store recorded it. */
export function occurredAtOf(event: RecordedEvent): string {
  return typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.created;
}

/** What the integrity chain hashes of a stored event. */
export function hashedEventOf(event: RecordedEvent): HashedEvent {
  return { streamId: event.streamId, eventId: event.id, type: event.type, revision: event.revision, data: event.data, metadata: event.metadata };
}
