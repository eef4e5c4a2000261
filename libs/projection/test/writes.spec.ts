import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate, insertOnce } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { thingEvent } from './support/events';
import { describeOnEachReadStore } from './support/read-stores';

describeOnEachReadStore('write helpers', (openReadStore) => {
  let readStore: ReadStore;
  let events: RecordedEvent[];

  beforeEach(async () => {
    readStore = await openReadStore();
    await readStore.ensureCollection({ name: 'docs' });
    const eventStore = new InMemoryEventStore();
    await eventStore.append('thing-1', [thingEvent(0), thingEvent(1)], 'noStream');
    events = await eventStore.readAll();
    await eventStore.close();
  });
  afterEach(() => readStore.close());

  const docs = () => readStore.collection('docs');

  it('guardedUpdate applies an event once, and not an older event after a newer one', async () => {
    const [first, second] = events;
    const bump = (e: RecordedEvent) => guardedUpdate('docs', 'a', e, { $inc: { n: 1 }, $push: { seen: e.id } });

    await readStore.commit([bump(first), bump(first), bump(second)]);
    await readStore.commit([bump(first), bump(second)]);

    expect(await docs().findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2, seen: [first.id, second.id], _pos: expect.any(String) });
  });

  it('guardedUpdate does not create the document when upsert is off', async () => {
    await readStore.commit([guardedUpdate('docs', 'missing', events[0], { $set: { x: 1 } }, { upsert: false })]);
    expect(await docs().count()).toBe(0);
  });

  it('guardedReplace keeps the newest event’s document', async () => {
    const [first, second] = events;
    await readStore.commit([guardedReplace('docs', { _id: 'r', v: 2 }, second), guardedReplace('docs', { _id: 'r', v: 1 }, first)]);
    expect(await docs().findOne({ _id: 'r' })).toMatchObject({ v: 2 });
  });

  it('insertOnce writes one document however often it is replayed', async () => {
    const row = { _id: events[0].id, type: events[0].type };
    await readStore.commit([insertOnce('docs', row), insertOnce('docs', row)]);
    await readStore.commit([insertOnce('docs', row)]);
    expect(await docs().find({})).toEqual([row]);
  });
});
