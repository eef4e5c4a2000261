import { randomUUID } from 'node:crypto';
import { followUpStreamId, type FollowUpEvent } from '@trilha/domain';
import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import { CALENDAR_ACTIONS_COLLECTION, calendarProjection } from '@trilha/projections/calendar';
import { openProjectionStore, projectionInMemory } from '../../test-support/projection-in-memory';

const f = '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b';
const g = '3b4c5d6e-7f80-491a-8b2c-3d4e5f6a7b8c';

const registered = (followUpId: string, ownerId: string, nextContactOn: string): FollowUpEvent => ({
  type: 'FollowUpRegistered',
  data: { followUpId, ownerId, name: 'Padaria Pão Quente', contactName: 'Joana Lima', email: 'joana@pao.com.br', phone: '11988880000', contactOn: '2026-03-02', nextContactOn },
});

/** The follow-up events of a small story (CAL5, CAL6), as the event store records them. */
async function recordStory(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  const append = (followUpId: string, event: FollowUpEvent) => store.append(followUpStreamId(followUpId), [{ id: randomUUID(), type: event.type, data: event.data }], 'any');
  await append(f, registered(f, 'u1', '2026-03-10'));
  await append(g, registered(g, 'u2', '2026-03-10'));
  await append(f, { type: 'FollowUpRescheduled', data: { followUpId: f, from: '2026-03-10', nextContactOn: '2026-03-12' } });
  await append(g, { type: 'FollowUpEmailSent', data: { followUpId: g, to: 'joana@pao.com.br', message: 'Olá' } });
  const events = await store.readAll({ filter: calendarProjection.filter });
  await store.close();
  return events;
}

describe('calendar projection: follow-up opportunities', () => {
  const projection = projectionInMemory(calendarProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
  });

  const { feed } = projection;
  const actions = () => projection.readStore.collection(CALENDAR_ACTIONS_COLLECTION).find({}, { sort: { _id: 1 } });

  it('subscribes to the follow-up streams and their event types', () => {
    expect(events.map((e) => e.type)).toEqual(['FollowUpRegistered', 'FollowUpRegistered', 'FollowUpRescheduled', 'FollowUpEmailSent']);
  });

  it('keeps one action per follow-up on its current next contact date, with its owner, names and status', async () => {
    await feed(events);
    expect(await actions()).toEqual([
      { _id: f, id: f, kind: 'opportunity', ownerId: 'u1', on: '2026-03-12', status: 'open', name: 'Padaria Pão Quente', contactName: 'Joana Lima', _pos: expect.any(String) },
      { _id: g, id: g, kind: 'opportunity', ownerId: 'u2', on: '2026-03-10', status: 'email_sent', name: 'Padaria Pão Quente', contactName: 'Joana Lima', _pos: expect.any(String) },
    ]);
  });

  it('records resolved by call as the status', async () => {
    await feed([events[0], { ...events[2], id: randomUUID(), type: 'FollowUpResolvedByCall', data: { followUpId: f }, position: { commit: 1000n, prepare: 1000n } }]);
    expect((await actions())[0]).toMatchObject({ id: f, status: 'resolved_by_call', on: '2026-03-10' });
  });

  it('gives the same read model when the same events are fed twice, or one at a time', async () => {
    await feed(events);
    const once = await actions();
    await feed(events);
    expect(await actions()).toEqual(once);
    const other = await openProjectionStore(calendarProjection);
    for (const e of events) await other.commit(calendarProjection.handle(e));
    expect(await other.collection(CALENDAR_ACTIONS_COLLECTION).find({}, { sort: { _id: 1 } })).toEqual(once);
    await other.close();
  });

  describe('a deleted follow-up (ADR 0042)', () => {
    const deletedAt = (followUpId: string, commit: bigint): RecordedEvent => ({
      ...events[0],
      id: randomUUID(),
      streamId: followUpStreamId(followUpId),
      type: 'FollowUpDeleted',
      data: { followUpId },
      position: { commit, prepare: commit },
    });

    it('is in the subscription filter', () => {
      expect(calendarProjection.filter?.eventTypes).toContain('FollowUpDeleted');
    });

    it('leaves the calendar, done or not, and the others stay', async () => {
      await feed([...events, deletedAt(f, 1000n)]);
      expect((await actions()).map((a) => a.id)).toEqual([g]);
      await feed([deletedAt(g, 1001n)]);
      expect(await actions()).toEqual([]);
    });

    it('gives the same read model when fed twice: the registration replayed comes back and goes again', async () => {
      const story = [...events, deletedAt(f, 1000n)];
      await feed(story);
      const once = await actions();
      expect(once.map((a) => a.id)).toEqual([g]);
      await feed(story);
      expect(await actions()).toEqual(once);
    });
  });

  it('is a new version of the calendar, so a deploy rebuilds it (ADR 0036)', () => {
    expect(calendarProjection.version).toBe(3);
  });
});
