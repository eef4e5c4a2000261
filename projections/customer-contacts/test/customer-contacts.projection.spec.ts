import { customerContactsStreamId, customerStreamId, ERASED_TEXT } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import {
  CONTACTED_CUSTOMERS_COLLECTION,
  CONTACTS_COLLECTION,
  CONTACTS_SORT,
  customerContactsProjection,
  LIVE_CONTACTS,
  type ContactDocument,
} from '@trilha/projections/customer-contacts';
import { projectionInMemory } from '../../test-support/projection-in-memory';
import { recordStory, type Story } from '../../test-support/record-story';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
const minute = (n: number) => new Date(Date.UTC(2026, 2, 10, 12, n)).toISOString();

/**
 * Ana's company: Joana (primary, then edited), Pedro (made primary, taking the flag), Rita
 * (removed). Bia's company: one contact, then Bia is deleted. A note is no contact.
 */
const STORY: Story = [
  [customerStreamId(ana), { type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana Padaria', phones: [] } }],
  [customerStreamId(bia), { type: 'CustomerRegistered', data: { customerId: bia, name: 'Bia Mercado', phones: [] } }],
  [customerContactsStreamId(ana), { type: 'ContactAdded', data: { customerId: ana, contactId: 'joana', name: 'Joana Lima', role: 'Compras', email: 'joana@pao.com.br', phones: ['11 98888-0000'], whatsapp: '11 98888-0000' } }],
  [customerContactsStreamId(ana), { type: 'PrimaryContactSet', data: { customerId: ana, contactId: 'joana' } }],
  [customerContactsStreamId(ana), { type: 'ContactAdded', data: { customerId: ana, contactId: 'pedro', name: 'Pedro Souza', phones: [] } }],
  [customerStreamId(ana), { type: 'NoteAdded', data: { customerId: ana, noteId: 'n1', text: 'Uma nota' } }],
  [customerContactsStreamId(ana), { type: 'ContactAdded', data: { customerId: ana, contactId: 'rita', name: 'Rita Reis', phones: [] } }],
  [customerContactsStreamId(bia), { type: 'ContactAdded', data: { customerId: bia, contactId: 'caio', name: 'Caio Secreto', email: 'caio@secreto.com', phones: ['11 97777-0000'] } }],
  [customerContactsStreamId(ana), { type: 'ContactEdited', data: { customerId: ana, contactId: 'joana', name: 'Joana Lima', role: 'Diretora', phones: ['11 98888-0000'] } }],
  [customerContactsStreamId(ana), { type: 'PrimaryContactSet', data: { customerId: ana, contactId: 'pedro', previousContactId: 'joana' } }],
  [customerContactsStreamId(ana), { type: 'ContactRemoved', data: { customerId: ana, contactId: 'rita' } }],
  [customerStreamId(bia), { type: 'CustomerDeleted', data: { customerId: bia } }],
];

function record(): Promise<RecordedEvent[]> {
  return recordStory(STORY, customerContactsProjection.filter, (i) => ({ occurredAt: minute(i) }));
}

describe('customer contacts projection (CS13)', () => {
  const projection = projectionInMemory(customerContactsProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await record();
  });

  const { feed } = projection;
  const contactsOf = async (customerId: string) =>
    (await projection.readStore.collection<ContactDocument & { _pos?: string }>(CONTACTS_COLLECTION).findPage(LIVE_CONTACTS(customerId), { sort: { ...CONTACTS_SORT }, limit: 50 })).items.map(
      ({ _pos: _guard, pos: _pos, ...contact }) => contact,
    );
  const everything = async () => ({
    contacts: await projection.readStore.collection(CONTACTS_COLLECTION).find({}),
    customers: await projection.readStore.collection(CONTACTED_CUSTOMERS_COLLECTION).find({}),
  });

  it('subscribes to registrations, deletions and contact events only', () => {
    expect(events.map((e) => e.type)).not.toContain('NoteAdded');
    expect(events).toHaveLength(STORY.length - 1);
  });

  it('lists a customer’s contacts, the primary one first, then in the order they were added; the edit replaces the details', async () => {
    await feed(events);
    expect(await contactsOf(ana)).toEqual([
      { _id: 'pedro', customerId: ana, removed: false, name: 'Pedro Souza', phones: [], primary: true, addedAt: minute(4) },
      { _id: 'joana', customerId: ana, removed: false, name: 'Joana Lima', role: 'Diretora', phones: ['11 98888-0000'], primary: false, addedAt: minute(2) },
    ]);
    expect((await everything()).customers).toEqual([{ _id: ana }, { _id: bia }]);
  });

  it('keeps no details of a removed contact', async () => {
    await feed(events);
    const rita = await projection.readStore.collection(CONTACTS_COLLECTION).findOne({ _id: 'rita' });
    expect(rita).toMatchObject({ removed: true });
    expect(JSON.stringify(rita)).not.toContain('Rita');
  });

  it('turns a deleted customer’s contacts into placeholders', async () => {
    await feed(events);
    expect(await contactsOf(bia)).toEqual([{ _id: 'caio', customerId: bia, removed: false, name: ERASED_TEXT, email: ERASED_TEXT, phones: [], primary: false, addedAt: minute(7) }]);
    expect(JSON.stringify(await everything())).not.toContain('Secreto');
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await everything();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await everything()).toEqual(once);
  });
});
