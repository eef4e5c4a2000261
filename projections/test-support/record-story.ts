import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@trilha/domain';
import { InMemoryEventStore, type AllFilter, type EventMetadata, type RecordedEvent } from '@trilha/event-store';

/** A projection spec's events: each appended to its stream, in order. */
export type Story = Array<[stream: string, event: DomainEvent]>;

/**
 * The story as the event store records it (one event per append, `metadataOf` its step's
 * metadata), read back through `filter` as a subscription reads it.
 */
export async function recordStory(story: Story, filter: AllFilter | undefined, metadataOf: (step: number) => EventMetadata): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (const [step, [stream, event]] of story.entries()) {
    await store.append(stream, [{ id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata: metadataOf(step) }], 'any');
  }
  const events = await store.readAll({ filter });
  await store.close();
  return events;
}
