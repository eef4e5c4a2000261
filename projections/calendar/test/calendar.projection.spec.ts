import { randomUUID } from 'node:crypto';
import { appointmentStreamId, type AppointmentEvent } from '@trilha/domain';
import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import { CALENDAR_ACTIONS_COLLECTION, calendarProjection } from '@trilha/projections/calendar';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const a = '0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
const b = '1c7d2e3f-4051-4b6c-9d7e-8f90a1b2c3d4';

const scheduled = (appointmentId: string, scheduledFor: string, responsibleId = 'u1'): AppointmentEvent => ({
  type: 'AppointmentScheduled',
  data: { appointmentId, customerId, scheduledFor, responsibleId, kind: 'service', notes: 'Revisão' },
});

/** The appointment events of a small story, as the event store records them. */
async function recordStory(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  const append = (appointmentId: string, event: AppointmentEvent) =>
    store.append(appointmentStreamId(appointmentId), [{ id: randomUUID(), type: event.type, data: event.data }], 'any');
  await append(a, scheduled(a, '2026-03-10T13:00:00.000Z'));
  await append(b, scheduled(b, '2026-03-12T13:00:00.000Z', 'u2'));
  await append(a, { type: 'AppointmentConfirmed', data: { appointmentId: a, customerId } });
  await append(a, { type: 'AppointmentRescheduled', data: { appointmentId: a, customerId, from: '2026-03-10T13:00:00.000Z', scheduledFor: '2026-03-11T09:00:00.000Z' } });
  await append(b, { type: 'AppointmentLost', data: { appointmentId: b, customerId, reason: 'Sold the car' } });
  await store.append('unrelated-1', [{ id: randomUUID(), type: 'SomethingElse', data: {} }], 'any');
  const events = await store.readAll({ filter: calendarProjection.filter });
  await store.close();
  return events;
}

describe('calendar projection', () => {
  const projection = projectionInMemory(calendarProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
  });

  const { feed } = projection;
  const actions = () => projection.readStore.collection(CALENDAR_ACTIONS_COLLECTION).find({}, { sort: { _id: 1 } });

  it('keeps one action per appointment with its current instant, owner and status', async () => {
    await feed(events);
    expect(await actions()).toEqual([
      { _id: a, id: a, kind: 'service', customerId, ownerId: 'u1', scheduledFor: '2026-03-11T09:00:00.000Z', status: 'scheduled', notes: 'Revisão', _pos: expect.any(String) },
      { _id: b, id: b, kind: 'service', customerId, ownerId: 'u2', scheduledFor: '2026-03-12T13:00:00.000Z', status: 'lost', notes: 'Revisão', _pos: expect.any(String) },
    ]);
  });

  it('gives the same read model when the same events are fed twice', async () => {
    await feed(events);
    const once = await actions();
    await feed(events);
    expect(await actions()).toEqual(once);
  });

  it('gives the same read model when a batch is replayed after part of it was applied', async () => {
    await feed(events);
    const once = await actions();
    await projection.readStore.collection(CALENDAR_ACTIONS_COLLECTION).bulkWrite([{ op: 'deleteMany', filter: {} }]);
    await feed(events.slice(0, 3));
    await feed(events);
    expect(await actions()).toEqual(once);
  });

  it('follows only appointment streams', () => {
    expect(events.every((e) => e.streamId.startsWith('appointment-'))).toBe(true);
    expect(events).toHaveLength(5);
  });
});
