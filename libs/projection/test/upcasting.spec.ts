import { randomUUID } from 'node:crypto';
import { UpcasterRegistry } from '@trilha/domain';
import { InMemoryEventStore, type EventData } from '@trilha/event-store';
import { guardedReplace, ProjectionHost, upcastWith, type ProjectionDefinition } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { describeOnEachReadStore } from './support/read-stores';

/** Records, per stream, the payload and schema version the handler was given. */
const seenPayloads: ProjectionDefinition = {
  name: 'seen-payloads',
  version: 1,
  collections: [{ name: 'seen_payloads' }],
  filter: { streamPrefixes: ['contact-'] },
  handle: (event) => [
    guardedReplace('seen_payloads', { _id: event.streamId, data: event.data, schemaVersion: event.metadata.schemaVersion ?? null }, event),
  ],
};

// Version 2 turned a single `phone` into a list of `phones`.
const upcasters = () => new UpcasterRegistry().register('ContactAdded', 2, ({ phone, ...rest }) => ({ ...rest, phones: phone ? [phone] : [] }));

const contactAdded = (data: Record<string, unknown>, schemaVersion: number): EventData => ({
  id: randomUUID(),
  type: 'ContactAdded',
  data,
  metadata: { schemaVersion },
});

describeOnEachReadStore('upcasting in the projection pipeline', (openReadStore) => {
  let eventStore: InMemoryEventStore;
  let readStore: ReadStore;
  let host: ProjectionHost | undefined;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    readStore = await openReadStore();
  });
  afterEach(async () => {
    await host?.stop();
    await eventStore.close();
    await readStore.close();
  });

  async function project(upcast?: ReturnType<typeof upcastWith>) {
    host = new ProjectionHost({ eventStore, readStore, definitions: [seenPayloads], upcast });
    await host.start();
    await host.whenUpToDate(seenPayloads.name);
    return readStore.collection(host.collectionName(seenPayloads.name, 'seen_payloads'));
  }

  it('hands the handler an old event in its current shape and version; current events pass as stored', async () => {
    await eventStore.append('contact-old', [contactAdded({ name: 'Ana', phone: '11 9999' }, 1)], 'noStream');
    await eventStore.append('contact-new', [contactAdded({ name: 'Bia', phones: ['21 8888'] }, 2)], 'noStream');

    const seen = await project(upcastWith(upcasters()));

    expect(await seen.findOne({ _id: 'contact-old' })).toMatchObject({ data: { name: 'Ana', phones: ['11 9999'] }, schemaVersion: 2 });
    expect(await seen.findOne({ _id: 'contact-new' })).toMatchObject({ data: { name: 'Bia', phones: ['21 8888'] }, schemaVersion: 2 });
    // Upcast on read, never rewritten.
    const [stored] = await eventStore.readStream('contact-old');
    expect(stored.data).toEqual({ name: 'Ana', phone: '11 9999' });
  });

  it('without an upcaster the handler sees the stored shape', async () => {
    await eventStore.append('contact-old', [contactAdded({ name: 'Ana', phone: '11 9999' }, 1)], 'noStream');
    const seen = await project();
    expect(await seen.findOne({ _id: 'contact-old' })).toMatchObject({ data: { name: 'Ana', phone: '11 9999' }, schemaVersion: 1 });
  });

  it('stops on an event it cannot upcast instead of skipping it', async () => {
    const broken = new UpcasterRegistry().register('ContactAdded', 3, (d) => d);
    await eventStore.append('contact-old', [contactAdded({ name: 'Ana' }, 1)], 'noStream');
    host = new ProjectionHost({ eventStore, readStore, definitions: [seenPayloads], upcast: upcastWith(broken) });
    await host.start();

    expect(await host.whenUpToDate(seenPayloads.name)).toBe(false);
    const [info] = await host.list();
    expect(info).toMatchObject({ status: 'failed', failure: { type: 'ContactAdded', error: 'No upcaster for ContactAdded from version 1' } });
  });
});
