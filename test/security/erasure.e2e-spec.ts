import * as fs from 'node:fs';
import * as path from 'node:path';
import { customerStreamId, ERASED_TEXT, followUpStreamId } from '@trilha/domain';
import { ALL_PROJECTIONS } from '@trilha/projections';
import { rebuildAndWaitForSwitch } from '../support/rebuild';
import { embeddedStores, startTestAppOn } from '../support/store-environments';
import type { TestApp } from '../support/test-app';
import { ErasureCompaction as ErasureCompactionToken } from '../../apps/api/src/infrastructure/erasure-compaction';

/** Every file under the data folder, recursively (databases, -wal, -shm, -journal, keys, logs). */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The personal strings found in the folder's bytes, as UTF-8 or JSON-escaped (\uXXXX), with the file. */
function personalStringsIn(dir: string, values: string[]): string[] {
  const found: string[] = [];
  const files = filesUnder(dir);
  for (const value of values) {
    const forms = new Set([value, JSON.stringify(value).slice(1, -1), value.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const form of forms) if (bytes.includes(Buffer.from(form, 'utf8'))) found.push(`${path.basename(file)}: ${form}`);
    }
  }
  return found;
}

/**
 * T10, LGPD erasure by crypto-shredding (ADR 0017): once a customer is deleted, none of their
 * personal strings is left in any byte of the data folder, the API shows placeholders
 * everywhere, the integrity chain still verifies and rebuilt read models hold placeholders only.
 */
describe('erasure of a customer (T10) on the embedded stores', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.token('admin', 'u1', 'Ana Admin')}` });

  // Distinctive strings: none of them can appear in the folder by chance.
  const PERSONAL = {
    name: 'Zuleica Quixabeira Pimentel',
    renamed: 'Zuleica Quixabeira-Renomeada',
    phone: '+55 11 97531-8642',
    email: 'zuleica.quixabeira@example.org',
    whatsapp: '+55 21 96420-1357',
    ip: '203.0.113.179',
    comment: 'Mora na Travessa Quixabeira, 77, e prefere ligações à noite',
    reason: 'Achou caro, falou do divórcio da irmã Quixabeira',
    notes: 'Levar o contrato da Quixabeira impresso',
    note: 'Nota: a Quixabeira atende só pelo celular da filha',
    nonCustomerNote: 'Não cliente: a Quixabeira é a faxineira do plantão de vendas',
    contactName: 'Xisto Quixabeira Contato',
    contactEmail: 'xisto.quixabeira@example.net',
  };

  let customerId: string;
  let walletId: string;
  let appointmentId: string;
  let lastPosition: string;

  beforeAll(async () => {
    t = await startTestAppOn(embeddedStores);
  });
  afterAll(() => t?.close());

  async function send(method: 'post' | 'patch' | 'put' | 'delete', url: string, body?: object) {
    const res = await t.http[method](url).set(admin()).send(body);
    if (![200, 201].includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position;
    return res.body as { id: string; position: string };
  }

  const leftovers = () => personalStringsIn(t.config.dataDir, Object.values(PERSONAL));

  it('records a customer with personal data in every read model', async () => {
    const journey = await send('post', '/journeys', { name: 'Onboarding', steps: [{ name: 'Início', milestones: [{ name: 'Kickoff', days: 2 }] }] });
    walletId = (await send('post', '/wallets', { name: 'Carteira Norte', managerId: 'u2', journeyId: journey.id })).id;
    customerId = (
      await send('post', '/customers', {
        name: PERSONAL.name,
        phones: [PERSONAL.phone],
        email: PERSONAL.email,
        whatsapp: PERSONAL.whatsapp,
        origin: { ip: PERSONAL.ip, entryMethod: 'form' },
      })
    ).id;
    await send('patch', `/customers/${customerId}`, { name: PERSONAL.renamed });
    await send('post', `/customers/${customerId}/comments`, { text: PERSONAL.comment });
    await send('post', `/customers/${customerId}/disinterest`, { reason: PERSONAL.reason });
    await send('post', `/customers/${customerId}/notes`, { text: PERSONAL.note });
    await send('post', `/customers/${customerId}/non-customer`, { kind: 'employee', note: PERSONAL.nonCustomerNote });
    await send('post', `/customers/${customerId}/contacts`, { name: PERSONAL.contactName, email: PERSONAL.contactEmail, primary: true });
    await send('put', `/customers/${customerId}/wallet`, { walletId });
    appointmentId = (await send('post', '/appointments', { customerId, scheduledFor: '2099-09-10T15:00:00.000Z', notes: PERSONAL.notes })).id;

    const detail = await t.http.get(`/customers/${customerId}?minPosition=${lastPosition}`).set(admin());
    expect(detail.body).toMatchObject({ name: PERSONAL.renamed, email: PERSONAL.email });
    expect(detail.body.nonCustomer).toMatchObject({ kind: 'employee', note: PERSONAL.nonCustomerNote });
    const timeline = await t.http.get(`/customers/${customerId}/timeline?minPosition=${lastPosition}`).set(admin());
    expect(JSON.stringify(timeline.body)).toContain(PERSONAL.comment);
    const notes = await t.http.get(`/customers/${customerId}/notes?minPosition=${lastPosition}`).set(admin());
    expect(notes.body.items.map((n: { text: string }) => n.text)).toEqual([PERSONAL.note]);
    const contacts = await t.http.get(`/customers/${customerId}/contacts?minPosition=${lastPosition}`).set(admin());
    expect(contacts.body.items).toEqual([expect.objectContaining({ name: PERSONAL.contactName, email: PERSONAL.contactEmail, primary: true })]);
    const day = await t.http.get(`/calendar/2099-09-10?ownerId=u1&minPosition=${lastPosition}`).set(admin());
    expect(day.status).toBe(200);
    const board = await t.http.get(`/wallets/${walletId}/board?minPosition=${lastPosition}`).set(admin());
    expect(JSON.stringify(board.body)).toContain(PERSONAL.renamed);
    // The byte search finds them while the customer exists (in the read models' files) …
    expect(leftovers().some((hit) => hit.startsWith('read-models.sqlite'))).toBe(true);
    expect(leftovers().filter((hit) => hit.endsWith(PERSONAL.contactName) || hit.endsWith(PERSONAL.contactEmail))).not.toEqual([]);
    expect(leftovers().some((hit) => hit.startsWith('events.sqlite'))).toBe(false);
    // … and the plaintext never reaches the event database: only ciphertexts are stored.
    const stored = JSON.stringify((await t.storedEventStore.readStream(customerStreamId(customerId))).map((e) => e.data));
    for (const value of Object.values(PERSONAL)) expect(stored).not.toContain(value);

    // A rebuild before the erasure leaves the replaced generation behind for a grace period,
    // with the personal data in it: the erasure must not wait for that period to end.
    await rebuildAndWaitForSwitch(t, 'customer-detail');
    await rebuildAndWaitForSwitch(t, 'timeline');
    await rebuildAndWaitForSwitch(t, 'customer-notes');
    await rebuildAndWaitForSwitch(t, 'customer-contacts');
  });

  it('refuses a DELETE of an unknown customer with 404 and appends nothing', async () => {
    const unknown = '5d1b3c2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
    const res = await t.http.delete(`/customers/${unknown}`).set(admin());
    expect(res.status).toBe(404);
    expect(await t.eventStore.readStream(customerStreamId(unknown))).toEqual([]);
  });

  it('deletes the customer: CustomerDeleted without personal data, and the files hold none of it', async () => {
    const res = await t.http.delete(`/customers/${customerId}`).set(admin());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: customerId });
    lastPosition = res.body.position;
    const events = await t.eventStore.readStream(customerStreamId(customerId));
    const deleted = events[events.length - 1];
    expect(deleted.type).toBe('CustomerDeleted');
    expect(deleted.data).toEqual({ customerId });

    // The projections have passed the deletion …
    await t.http.get(`/customers/${customerId}?minPosition=${lastPosition}`).set(admin());
    await t.http.get(`/customers/${customerId}/timeline?minPosition=${lastPosition}`).set(admin());
    await t.http.get(`/customers/${customerId}/notes?minPosition=${lastPosition}`).set(admin());
    await t.http.get(`/customers/${customerId}/contacts?minPosition=${lastPosition}`).set(admin());
    // … and no personal string is left in any file of the data folder.
    expect(leftovers()).toEqual([]);
  });

  it('shows placeholders in the detail, the timeline, the changes, the board and the calendar', async () => {
    const detail = (await t.http.get(`/customers/${customerId}?minPosition=${lastPosition}`).set(admin())).body;
    expect(detail).toMatchObject({ name: ERASED_TEXT, phones: [], email: ERASED_TEXT, whatsapp: ERASED_TEXT });
    expect(detail.origin.ip).toBe(ERASED_TEXT);
    expect(detail.disinterest.reason).toBe(ERASED_TEXT);
    expect(detail.nonCustomer).toMatchObject({ kind: 'employee', note: ERASED_TEXT });

    const timeline = (await t.http.get(`/customers/${customerId}/timeline?minPosition=${lastPosition}`).set(admin())).body;
    expect(timeline.items[0].type).toBe('customer_deleted');
    const comment = timeline.items.find((item: { type: string }) => item.type === 'comment_added');
    expect(comment.data.text).toBe(ERASED_TEXT);
    expect(comment.summary).toContain(ERASED_TEXT);
    expect(JSON.stringify(timeline)).not.toContain('Quixabeira');

    const notes = (await t.http.get(`/customers/${customerId}/notes?minPosition=${lastPosition}`).set(admin())).body;
    expect(notes.items.map((n: { text: string }) => n.text)).toEqual([ERASED_TEXT]);
    expect(timeline.items.some((item: { type: string }) => item.type === 'note_added')).toBe(true);
    const marked = timeline.items.find((item: { type: string }) => item.type === 'non_customer_marked');
    expect(marked.data).toEqual({ kind: 'employee', fromKind: null, note: ERASED_TEXT });

    const contacts = (await t.http.get(`/customers/${customerId}/contacts?minPosition=${lastPosition}`).set(admin())).body;
    expect(contacts.items).toEqual([expect.objectContaining({ name: ERASED_TEXT, email: ERASED_TEXT, phones: [], primary: true })]);

    const changes = (await t.http.get(`/customers/${customerId}/changes?minPosition=${lastPosition}`).set(admin())).body;
    expect(changes.items.find((c: { field: string }) => c.field === 'name')).toMatchObject({ from: ERASED_TEXT, to: ERASED_TEXT });

    const board = (await t.http.get(`/wallets/${walletId}/board`).set(admin())).body;
    expect(JSON.stringify(board)).toContain(ERASED_TEXT);
    expect(JSON.stringify(board)).not.toContain('Quixabeira');

    const day = (await t.http.get('/calendar/2099-09-10?ownerId=u1').set(admin())).body;
    expect(JSON.stringify(day)).not.toContain('Quixabeira');
  });

  it('shows placeholders in the history and the state, and the chain still verifies', async () => {
    const history = (await t.http.get(`/customers/${customerId}/history`).set(admin())).body;
    expect(history.events[0].data).toMatchObject({ name: ERASED_TEXT, phones: [], email: ERASED_TEXT, whatsapp: ERASED_TEXT, origin: { ip: ERASED_TEXT } });
    expect(JSON.stringify(history)).not.toContain('Quixabeira');

    const state = (await t.http.get(`/customers/${customerId}/state?revision=1`).set(admin())).body;
    expect(state.state.data.name).toBe(ERASED_TEXT);

    const verify = (await t.http.get(`/customers/${customerId}/verify`).set(admin())).body;
    expect(verify).toMatchObject({ ok: true });
  });

  it('refuses every later command on the customer with 409, appending nothing', async () => {
    const before = (await t.eventStore.readStream(customerStreamId(customerId))).length;
    const attempts = [
      t.http.post(`/customers/${customerId}/comments`).set(admin()).send({ text: 'de novo' }),
      t.http.post(`/customers/${customerId}/notes`).set(admin()).send({ text: 'de novo' }),
      t.http.post(`/customers/${customerId}/contacts`).set(admin()).send({ name: 'de novo' }),
      t.http.post(`/customers/${customerId}/rating`).set(admin()).send({ rating: 1 }),
      t.http.post(`/customers/${customerId}/non-customer`).set(admin()).send({ kind: 'test' }),
      t.http.delete(`/customers/${customerId}/non-customer`).set(admin()),
      t.http.put(`/customers/${customerId}/portfolio-exceptions/expired`).set(admin()),
      t.http.patch(`/customers/${customerId}`).set(admin()).send({ name: 'Outro Nome' }),
      t.http.post(`/customers/${customerId}/temperature`).set(admin()).send({ temperature: 'hot' }),
      t.http.delete(`/customers/${customerId}`).set(admin()),
      t.http.post('/appointments').set(admin()).send({ customerId, scheduledFor: '2099-09-11T15:00:00.000Z' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await t.eventStore.readStream(customerStreamId(customerId))).toHaveLength(before);
  });

  it('rebuilds every read model with placeholders only, and the files stay clean', async () => {
    for (const projection of ALL_PROJECTIONS) await rebuildAndWaitForSwitch(t, projection.name);
    const detail = (await t.http.get(`/customers/${customerId}`).set(admin())).body;
    expect(detail).toMatchObject({ name: ERASED_TEXT, phones: [] });
    const timeline = (await t.http.get(`/customers/${customerId}/timeline`).set(admin())).body;
    expect(JSON.stringify(timeline)).not.toContain('Quixabeira');
    expect(JSON.stringify(timeline)).toContain(ERASED_TEXT);
    const notes = (await t.http.get(`/customers/${customerId}/notes`).set(admin())).body;
    expect(notes.items.map((n: { text: string }) => n.text)).toEqual([ERASED_TEXT]);
    const contacts = (await t.http.get(`/customers/${customerId}/contacts`).set(admin())).body;
    expect(contacts.items.map((c: { name: string; email: string }) => [c.name, c.email])).toEqual([[ERASED_TEXT, ERASED_TEXT]]);
    await t.app.get(ErasureCompactionToken).compactNow();
    expect(leftovers()).toEqual([]);
  });
});

/**
 * ADR 0042: a follow-up opportunity's contact, under a key of the follow-up's own, erased by
 * `DELETE /follow-ups/:id`: afterwards none of its personal strings is left in the data folder.
 */
describe('erasure of a follow-up opportunity on the embedded stores', () => {
  let t: TestApp;
  let followUpId: string;
  let lastPosition: string;
  const broker = () => ({ Authorization: `Bearer ${t.token('broker', 'b1', 'Beto Broker')}` });

  const FOLLOW_UP = {
    name: 'Marcenaria Quixeramobim Irmãos',
    contactName: 'Eulália Quixeramobim',
    email: 'eulalia.quixeramobim@example.org',
    phone: '+55 88 98123-4567',
    message: 'Eulália, o orçamento das portas de cumaru segue anexo até quinta',
  };
  const leftovers = () => personalStringsIn(t.config.dataDir, Object.values(FOLLOW_UP));

  beforeAll(async () => {
    t = await startTestAppOn(embeddedStores, { env: { TRILHA_TIMEZONE: '' } });
  });
  afterAll(() => t?.close());

  async function send(method: 'post' | 'delete', url: string, body?: object) {
    const res = await t.http[method](url).set(broker()).send(body);
    if (![200, 201].includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position;
    return res.body as { id: string; position: string };
  }
  const calendarDay = async () => (await t.http.get(`/calendar/2099-05-20?minPosition=${lastPosition}`).set(broker()).expect(200)).body;

  it('records a follow-up and the email sent: the calendar shows its names, the event log holds ciphertext only', async () => {
    const { name, contactName, email, phone } = FOLLOW_UP;
    followUpId = (await send('post', '/follow-ups', { name, contactName, email, phone, contactOn: '2099-05-01', nextContactOn: '2099-05-20' })).id;
    await send('post', `/follow-ups/${followUpId}/send-email`, { message: FOLLOW_UP.message });
    expect(JSON.stringify(await calendarDay())).toContain(FOLLOW_UP.contactName);

    // The names are in the read models' files; email, phone and message are in no file in clear …
    const found = leftovers();
    expect(found.filter((hit) => hit.startsWith('read-models.sqlite') && hit.endsWith(FOLLOW_UP.contactName))).not.toEqual([]);
    expect(found.filter((hit) => hit.endsWith(FOLLOW_UP.name))).not.toEqual([]);
    expect(found.filter((hit) => hit.startsWith('events.sqlite'))).toEqual([]);
    // … but their ciphertexts are, and decrypt while the key exists.
    const clear = JSON.stringify((await t.eventStore.readStream(followUpStreamId(followUpId))).map((e) => e.data));
    for (const value of Object.values(FOLLOW_UP)) expect(clear).toContain(value);

    // A rebuild leaves the replaced generation, names and all, behind for a grace period.
    await rebuildAndWaitForSwitch(t, 'calendar');
  });

  it('deletes it: no personal string of it is left in any file, and its history reads as placeholders', async () => {
    const res = await send('delete', `/follow-ups/${followUpId}`);
    expect(res.id).toBe(followUpId);
    expect((await calendarDay()).actions.map((a: { id: string }) => a.id)).not.toContain(followUpId);
    expect(leftovers()).toEqual([]);

    const events = await t.eventStore.readStream(followUpStreamId(followUpId));
    expect(events.map((e) => e.type)).toEqual(['FollowUpRegistered', 'FollowUpEmailSent', 'FollowUpDeleted']);
    expect(events[0].data).toMatchObject({ name: ERASED_TEXT, contactName: ERASED_TEXT, email: ERASED_TEXT, phone: ERASED_TEXT });
    expect(events[1].data).toMatchObject({ to: ERASED_TEXT, message: ERASED_TEXT });
  });

  it('rebuilds the calendar without it, and the files stay clean', async () => {
    await rebuildAndWaitForSwitch(t, 'calendar');
    expect((await calendarDay()).actions.map((a: { id: string }) => a.id)).not.toContain(followUpId);
    await t.app.get(ErasureCompactionToken).compactNow();
    expect(leftovers()).toEqual([]);
  });
});
