import { ERASED_TEXT } from '@trilha/domain';
import { randomUUID } from 'node:crypto';
import { CUSTOMER_EVENT_TYPES } from '@trilha/domain';
import { positionKey, type RecordedEvent } from '@trilha/event-store';
import {
  TIMELINE_CUSTOMERS,
  TIMELINE_ENTRIES,
  TIMELINE_LABELS,
  TIMELINE_SORT,
  TIMELINE_SOURCE_EVENT_TYPES,
  TIMELINE_TYPES,
  timelineEntryOf,
  timelineProjection,
  type TimelineEntryDocument,
} from '@trilha/projections/timeline';
import { ana, anaOnChat, at, basic, bia, biaSchedule, caio, davi, eva, joana, journeyId, pedro, premium, proposalId, recordStory, serviceId, visitId, vipMarker } from './story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

describe('timeline projection', () => {
  const projection = projectionInMemory(timelineProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
  });

  const { feed } = projection;
  const entriesOf = (customerId: string) =>
    projection.readStore.collection<TimelineEntryDocument>(TIMELINE_ENTRIES).find({ customerId }, { sort: { ...TIMELINE_SORT } });
  const everything = async () => ({
    entries: await projection.readStore.collection(TIMELINE_ENTRIES).find({}, { sort: { _id: 1 } }),
    customers: await projection.readStore.collection(TIMELINE_CUSTOMERS).find({}, { sort: { _id: 1 } }),
    labels: await projection.readStore.collection(TIMELINE_LABELS).find({}, { sort: { _id: 1 } }),
  });

  it('keeps an entry per event of the customer, their appointments and their wallet, newest first', async () => {
    await feed(events);
    expect((await entriesOf(ana)).map((e) => e.type)).toEqual([
      'marker_cleared',
      'marker_set',
      'step_concluded',
      'stage_moved',
      'milestone_completed',
      'placed_in_wallet',
      'placed_in_wallet',
      'appointment_lost',
      'appointment_scheduled',
      'appointment_succeeded',
      'appointment_confirmed',
      'appointment_rescheduled',
      'appointment_scheduled',
      'comment_added',
      'comment_added',
      'lead_status_changed',
      'proposal_marked_as_sale',
      'proposal_registered',
      'product_of_interest_changed',
      'moment_changed',
      'objective_changed',
      'temperature_reverted',
      'temperature_changed',
      'temperature_changed',
      'data_edited',
      'customer_registered',
    ]);
    expect((await entriesOf(bia)).map((e) => e.type)).toEqual(['disinterest_informed', 'note_added', 'rating_changed', 'rating_changed', 'lead_status_change_cancelled', 'lead_status_change_scheduled', 'customer_registered']);
  });

  it('keys an entry by its global position and stores the event id, occurredAt, actor with its kind, and a small data payload', async () => {
    await feed(events);
    const edit = events.find((e) => e.type === 'CustomerDataEdited')!;
    const entries = await entriesOf(ana);
    const pos = positionKey(edit.position);
    expect(entries.find((e) => e.eventId === edit.id)).toEqual({
      _id: pos,
      eventId: edit.id,
      customerId: ana,
      at: at(6),
      pos,
      type: 'data_edited',
      actor: { id: 'u2', role: 'manager', kind: 'user' },
      data: { fields: ['name', 'email'] },
    });
    expect(entries.find((e) => e.type === 'customer_registered')?.data).toEqual({ channel: 'WhatsApp', media: null, entryMethod: 'chatbot', brokerId: null });
    expect(entries.find((e) => e.type === 'proposal_registered')?.data).toEqual({ proposalId, productId: 'apt-301', amount: '1500.00', amountCents: 150000, notes: 'à vista' });
    expect(entries.find((e) => e.type === 'appointment_lost')?.data).toEqual({ appointmentId: serviceId, kind: null, reason: 'Vendeu o carro', loseFutureCycle: false, cycleOf: visitId });
  });

  it('records rating changes (T13) and that a note was written (T15), without the note’s text', async () => {
    await feed(events);
    const [, note, cleared, rated] = await entriesOf(bia);
    expect([rated.data, cleared.data]).toEqual([{ from: null, to: 4 }, { from: 4, to: 0 }]);
    expect(note.data).toEqual({ noteId: 'n1' });
    expect(JSON.stringify(await entriesOf(bia))).not.toContain('sábado');
  });

  it('records marking as non-customer, its change and its undoing (T9), and portfolio exceptions (T12)', async () => {
    await feed(events);
    expect((await entriesOf(davi)).map((e) => ({ type: e.type, data: e.data }))).toEqual([
      { type: 'portfolio_exception_cleared', data: { exception: 'deny_list' } },
      { type: 'portfolio_exception_set', data: { exception: 'deny_list' } },
      { type: 'non_customer_unmarked', data: { kind: 'employee' } },
      { type: 'non_customer_marked', data: { kind: 'employee', fromKind: 'test', note: null } },
      { type: 'non_customer_marked', data: { kind: 'test', fromKind: null, note: 'Cadastro do treinamento' } },
      { type: 'customer_registered', data: { channel: null, media: null, entryMethod: null, brokerId: null } },
    ]);
  });

  it('records the contacts added, edited, removed and made primary (CS13), without their details', async () => {
    await feed(events);
    const entries = await entriesOf(eva);
    expect(entries.map((e) => ({ type: e.type, data: e.data }))).toEqual([
      { type: 'contact_removed', data: { contactId: joana } },
      { type: 'primary_contact_unset', data: { contactId: pedro } },
      { type: 'contact_edited', data: { contactId: pedro } },
      { type: 'primary_contact_set', data: { contactId: pedro, previousContactId: joana } },
      { type: 'contact_added', data: { contactId: pedro } },
      { type: 'primary_contact_set', data: { contactId: joana, previousContactId: null } },
      { type: 'contact_added', data: { contactId: joana } },
      { type: 'customer_registered', data: { channel: null, media: null, entryMethod: null, brokerId: null } },
    ]);
    // The contacts' details are personal data: they stay in the contacts read model.
    for (const detail of ['Joana', 'joana@', '98888', 'Pedro', 'Compras']) expect(JSON.stringify(entries)).not.toContain(detail);
  });

  it('tells customer-originated entries from users’ ones, and keeps an entry without an actor', async () => {
    await feed(events);
    const comments = (await entriesOf(ana)).filter((e) => e.type === 'comment_added');
    expect(comments.map((e) => e.actor)).toEqual([{ id: anaOnChat.id, role: 'customer', kind: 'customer' }, { id: 'u7', role: 'broker', kind: 'user' }]);
    const [disinterest] = await entriesOf(bia);
    expect(disinterest.actor).toEqual({ id: null, role: null, kind: 'user' });
  });

  it('keeps the names that entries refer to, and knows every registered customer', async () => {
    await feed(events);
    const { labels, customers } = await everything();
    expect(Object.fromEntries(labels.map((l) => [l._id, l.value]))).toEqual({
      [`wallet:${premium}`]: 'Premium',
      [`wallet:${basic}`]: 'Básica',
      [`journey:${journeyId}`]: 'Onboarding',
      [`step:${journeyId}:s1`]: 'Boas-vindas',
      [`step:${journeyId}:s2`]: 'Adoção',
      [`milestone:${journeyId}:m1`]: 'Kickoff',
      [`appointment-kind:${visitId}`]: 'visit',
      [`appointment-kind:${serviceId}`]: 'service',
      [`proposal-product:${proposalId}`]: 'apt-301',
      [`proposal-amount:${proposalId}`]: '1500.00',
      [`proposal-amount-cents:${proposalId}`]: 150000,
      // Renamed after it was set, then deleted: the last name stays for the entries that name it.
      [`marker-name:${vipMarker}`]: 'Cliente VIP',
      [`marker-emoji:${vipMarker}`]: '⭐',
      [`lead-status-schedule-to:${biaSchedule}`]: 'sale',
      [`lead-status-schedule-at:${biaSchedule}`]: '2026-03-20T13:00:00.000Z',
    });
    expect(customers).toEqual([{ _id: ana }, { _id: bia }, { _id: caio }, { _id: davi }, { _id: eva }]);
  });

  it('ignores bookkeeping: the appointment index and wallet name reservations are no entries', async () => {
    // Both live on streams outside the subscription …
    expect(events.map((e) => e.type)).not.toContain('CustomerAppointmentListed');
    expect(events.map((e) => e.type)).not.toContain('WalletNameReserved');
    // … and would give no entry if they were handed over anyway.
    const listed = { ...events[0], id: randomUUID(), streamId: `customerappointments-${ana}`, type: 'CustomerAppointmentListed', data: { customerId: ana, appointmentId: visitId } };
    expect(timelineProjection.handle(listed)).toEqual([]);
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await everything();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await everything()).toEqual(once);
  });

  it('turns the free texts of a deleted customer into placeholders, and records the deletion', async () => {
    await feed(events);
    const [deleted, nonCustomer, comment, registered] = await entriesOf(caio);
    expect([deleted.type, nonCustomer.type, comment.type, registered.type]).toEqual(['customer_deleted', 'non_customer_marked', 'comment_added', 'customer_registered']);
    expect(comment.data).toEqual({ commentId: 'c3', text: ERASED_TEXT });
    expect(nonCustomer.data).toEqual({ kind: 'supplier', fromKind: null, note: ERASED_TEXT });
    expect(JSON.stringify(await entriesOf(caio))).not.toContain('Secreta');
    expect((await entriesOf(ana)).find((e) => e.type === 'comment_added')?.data.text).toBe('Oi, ainda tenho interesse!');
  });

  it('refuses an event of a known type that names no customer, rather than skip it', () => {
    expect(() => timelineEntryOf({ type: 'CommentAdded', data: { commentId: 'c', text: 'x' } })).toThrow(/customerId/);
  });

  it('has an entry for every customer event type, and only stable timeline types', async () => {
    for (const type of CUSTOMER_EVENT_TYPES) expect(TIMELINE_SOURCE_EVENT_TYPES).toContain(type);
    await feed(events);
    const types = new Set((await projection.readStore.collection<TimelineEntryDocument>(TIMELINE_ENTRIES).find({})).map((e) => e.type));
    for (const type of types) expect(TIMELINE_TYPES).toContain(type);
    // Every timeline type appears in the story, so the story exercises each mapping.
    expect([...types].sort()).toEqual([...TIMELINE_TYPES].sort());
  });
});
