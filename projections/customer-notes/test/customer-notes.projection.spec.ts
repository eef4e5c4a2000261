import { customerStreamId, ERASED_TEXT } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { customerNotesProjection, NOTED_CUSTOMERS_COLLECTION, NOTES_COLLECTION, NOTES_SORT, type NoteDocument } from '@trilha/projections/customer-notes';
import { projectionInMemory } from '../../test-support/projection-in-memory';
import { recordStory, type Story } from '../../test-support/record-story';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
const broker = { id: 'u7', role: 'broker', name: 'Beto Broker', kind: 'user' as const };
const minute = (n: number) => new Date(Date.UTC(2026, 2, 10, 12, n)).toISOString();

/** Two customers with notes; Bia is deleted after hers. A comment and a rating are no notes. */
const STORY: Story = [
  [customerStreamId(ana), { type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana', phones: [] } }],
  [customerStreamId(bia), { type: 'CustomerRegistered', data: { customerId: bia, name: 'Bia', phones: [] } }],
  [customerStreamId(ana), { type: 'NoteAdded', data: { customerId: ana, noteId: 'n1', text: 'Primeira nota' } }],
  [customerStreamId(ana), { type: 'CommentAdded', data: { customerId: ana, commentId: 'c1', text: 'Um comentário' } }],
  [customerStreamId(ana), { type: 'RatingChanged', data: { customerId: ana, to: 3 } }],
  [customerStreamId(bia), { type: 'NoteAdded', data: { customerId: bia, noteId: 'n2', text: 'Bia mora na Rua Secreta, 42' } }],
  [customerStreamId(ana), { type: 'NoteAdded', data: { customerId: ana, noteId: 'n3', text: 'Segunda nota' } }],
  [customerStreamId(bia), { type: 'CustomerDeleted', data: { customerId: bia } }],
];

function record(): Promise<RecordedEvent[]> {
  return recordStory(STORY, customerNotesProjection.filter, (i) => ({ occurredAt: minute(i), actor: broker }));
}

describe('customer notes projection (T15)', () => {
  const projection = projectionInMemory(customerNotesProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await record();
  });

  const { feed } = projection;
  const notesOf = async (customerId: string) =>
    (await projection.readStore.collection<NoteDocument>(NOTES_COLLECTION).findPage({ customerId }, { sort: { ...NOTES_SORT }, limit: 50 })).items;
  const everything = async () => ({ notes: await projection.readStore.collection(NOTES_COLLECTION).find({}), customers: await projection.readStore.collection(NOTED_CUSTOMERS_COLLECTION).find({}) });

  it('subscribes to registrations, notes and deletions only', () => {
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered', 'CustomerRegistered', 'NoteAdded', 'NoteAdded', 'NoteAdded', 'CustomerDeleted']);
  });

  it('lists a customer’s notes newest first, with text, time and author', async () => {
    await feed(events);
    const notes = await notesOf(ana);
    expect(notes.map(({ _id, text, at, author }) => ({ _id, text, at, author }))).toEqual([
      { _id: 'n3', text: 'Segunda nota', at: minute(6), author: { id: 'u7', role: 'broker', name: 'Beto Broker' } },
      { _id: 'n1', text: 'Primeira nota', at: minute(2), author: { id: 'u7', role: 'broker', name: 'Beto Broker' } },
    ]);
    expect((await everything()).customers).toEqual([{ _id: ana }, { _id: bia }]);
  });

  it('turns the text of a deleted customer’s notes into the placeholder', async () => {
    await feed(events);
    expect((await notesOf(bia)).map((n) => n.text)).toEqual([ERASED_TEXT]);
    expect(JSON.stringify(await everything())).not.toContain('Secreta');
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await everything();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await everything()).toEqual(once);
  });
});
