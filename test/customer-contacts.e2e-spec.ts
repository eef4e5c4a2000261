import { randomUUID } from 'node:crypto';
import { CONTACT_NAME_MAX, CONTACT_PHONE_MAX, CONTACT_PHONES_MAX, CONTACT_ROLE_MAX, customerContactsStreamId, customerStreamId } from '@trilha/domain';
import type { Role } from '../apps/api/src/platform';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { refusalsOn } from './support/refusals';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_SCHEDULER_INTERVAL_MS: '0' };
const UNKNOWN = '5d1b3c2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
const JOANA = { name: 'Joana Lima', role: 'Gerente de compras', email: 'joana@paoquente.com.br', phones: ['+55 11 3333-0000'], whatsapp: '+55 11 98888-0000' };

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/** CS13 over HTTP: a company customer's contacts added, edited, removed and listed; the primary flag; the refusals. */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`contacts of a customer over HTTP (CS13) ${stores}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestAppOn(environment, { env });
    });
    afterAll(() => t.close());

    const as = (role: Role = 'broker', user = 'user-broker', name = 'Beto Broker') => ({ Authorization: `Bearer ${t.token(role, user, name)}` });
    const register = async () => (await t.http.post('/customers').set(as()).send({ name: 'Padaria Pão Quente' })).body.id as string;
    const add = (customerId: string, body: unknown, headers: Record<string, string> = {}) =>
      t.http.post(`/customers/${customerId}/contacts`).set({ ...as(), ...headers }).send(body as object);
    const edit = (customerId: string, contactId: string, body: unknown) => t.http.patch(`/customers/${customerId}/contacts/${contactId}`).set(as()).send(body as object);
    const remove = (customerId: string, contactId: string) => t.http.delete(`/customers/${customerId}/contacts/${contactId}`).set(as());
    const list = (customerId: string, query = '') => t.http.get(`/customers/${customerId}/contacts?${query}`).set(as('readonly'));
    const listAfter = async (customerId: string, position: string) => (await list(customerId, `minPosition=${position}`)).body;
    const refused = refusalsOn(() => t.eventStore);

    it('adds a contact (trimmed) and lists it with every field', async () => {
      const id = await register();
      const res = await add(id, { ...JOANA, name: '  Joana Lima ', phones: ['+55 11 3333-0000', ' +55 11 3333-0000 ', ''] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: '0', position: expect.any(String) });
      expect(await listAfter(id, res.body.position)).toEqual({
        items: [{ id: res.body.id, ...JOANA, primary: false, addedAt: expect.any(String) }],
        nextCursor: null,
      });
    });

    it('needs only a name: the optional fields read null, the phones empty', async () => {
      const id = await register();
      const res = await add(id, { name: 'Pedro Souza' });
      expect(res.status).toBe(201);
      expect((await listAfter(id, res.body.position)).items).toEqual([
        { id: res.body.id, name: 'Pedro Souza', role: null, email: null, phones: [], whatsapp: null, primary: false, addedAt: expect.any(String) },
      ]);
    });

    it('keeps at most one primary contact: a new one unsets the former, and it is listed first', async () => {
      const id = await register();
      const joana = (await add(id, { name: 'Joana', primary: true })).body.id;
      const pedro = (await add(id, { name: 'Pedro' })).body.id;
      let last = (await add(id, { name: 'Rita', primary: true })).body;
      const rita = last.id;
      const flags = async () => (await listAfter(id, last.position)).items.map((c: { id: string; primary: boolean }) => [c.id, c.primary]);
      expect(await flags()).toEqual([[rita, true], [joana, false], [pedro, false]]);

      last = (await edit(id, pedro, { primary: true })).body;
      expect(await flags()).toEqual([[pedro, true], [joana, false], [rita, false]]);

      last = (await edit(id, pedro, { primary: false })).body;
      expect(await flags()).toEqual([[joana, false], [pedro, false], [rita, false]]);

      const types = (await t.eventStore.readStream(customerContactsStreamId(id))).map((e) => e.type);
      expect(types).toEqual(['ContactAdded', 'PrimaryContactSet', 'ContactAdded', 'ContactAdded', 'PrimaryContactSet', 'PrimaryContactSet', 'PrimaryContactUnset']);
    });

    it('edits a contact: absent fields stay, null clears; an edit that changes nothing appends nothing', async () => {
      const id = await register();
      const contactId = (await add(id, JOANA)).body.id;
      const res = await edit(id, contactId, { role: 'Diretora', whatsapp: null, phones: ['+55 11 4444-0000'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: contactId, revision: '1', position: expect.any(String) });
      expect((await listAfter(id, res.body.position)).items).toEqual([
        { id: contactId, name: JOANA.name, role: 'Diretora', email: JOANA.email, phones: ['+55 11 4444-0000'], whatsapp: null, primary: false, addedAt: expect.any(String) },
      ]);

      const again = await edit(id, contactId, { role: ' Diretora ' });
      expect(again.status).toBe(200);
      expect(again.body.revision).toBe('1');
      expect(await t.eventStore.readStream(customerContactsStreamId(id))).toHaveLength(2);
    });

    it('removes a contact: it leaves the list, and the primary flag with it', async () => {
      const id = await register();
      const joana = (await add(id, { name: 'Joana', primary: true })).body.id;
      const pedro = (await add(id, { name: 'Pedro' })).body.id;
      const res = await remove(id, joana);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: joana, revision: '3', position: expect.any(String) });
      expect((await listAfter(id, res.body.position)).items.map((c: { id: string; primary: boolean }) => [c.id, c.primary])).toEqual([[pedro, false]]);
      await refused(() => remove(id, joana), 404);
      await refused(() => edit(id, joana, { name: 'Joana' }), 404);
    });

    it('pages through the contacts with a cursor', async () => {
      const id = await register();
      let position = '';
      for (const name of ['Um', 'Dois', 'Três']) position = (await add(id, { name })).body.position;
      const page1 = await list(id, `limit=2&minPosition=${position}`);
      expect(page1.body.items.map((c: { name: string }) => c.name)).toEqual(['Um', 'Dois']);
      const page2 = await list(id, `limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
      expect(page2.body).toEqual({ items: [expect.objectContaining({ name: 'Três' })], nextCursor: null });
    });

    it('lists no contacts for a customer without any, and 404 for an unknown one', async () => {
      const created = (await t.http.post('/customers').set(as()).send({ name: 'Sem Contatos' })).body;
      expect(await listAfter(created.id, created.position)).toEqual({ items: [], nextCursor: null });
      const unknown = await list(UNKNOWN);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['minPosition=nope', 'minPosition'],
      ['cursor=not-a-cursor', 'cursor'],
    ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
      const id = await register();
      await add(id, { name: 'Joana' });
      const res = await list(id, query);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('takes every field at its limit', async () => {
      const id = await register();
      const phones = Array.from({ length: CONTACT_PHONES_MAX }, (_, i) => `${i}`.padStart(CONTACT_PHONE_MAX, '9'));
      const res = await add(id, { name: 'n'.repeat(CONTACT_NAME_MAX), role: 'r'.repeat(CONTACT_ROLE_MAX), phones, whatsapp: '9'.repeat(CONTACT_PHONE_MAX) });
      expect(res.status).toBe(201);
    });

    it.each([
      ['no name', { role: 'Compras' }, 'name'],
      ['a blank name', { name: ' \n ' }, 'name'],
      ['a name too long', { name: 'x'.repeat(CONTACT_NAME_MAX + 1) }, 'name'],
      ['a name that is a number', { name: 42 }, 'name'],
      ['a null name', { name: null }, 'name'],
      ['a role too long', { name: 'Ana', role: 'x'.repeat(CONTACT_ROLE_MAX + 1) }, 'role'],
      ['an email that is none', { name: 'Ana', email: 'ana@' }, 'email'],
      ['an email too long', { name: 'Ana', email: `${'a'.repeat(250)}@example.com` }, 'email'],
      ['phones that are no list', { name: 'Ana', phones: '+55 11 3333-0000' }, 'phones'],
      ['a phone too long', { name: 'Ana', phones: ['1'.repeat(CONTACT_PHONE_MAX + 1)] }, 'phones.0'],
      ['too many phones', { name: 'Ana', phones: Array.from({ length: CONTACT_PHONES_MAX + 1 }, (_, i) => `11 9000-${i}`) }, 'phones'],
      ['a phone that is a number', { name: 'Ana', phones: ['+55 11 3333-0000', 11999990000] }, 'phones.1'],
      ['a WhatsApp too long', { name: 'Ana', whatsapp: '1'.repeat(CONTACT_PHONE_MAX + 1) }, 'whatsapp'],
      ['a primary flag that is text', { name: 'Ana', primary: 'yes' }, 'primary'],
      ['an unknown field', { name: 'Ana', cpf: '123' }, 'cpf'],
    ])('refuses to add a contact with %s: 400 naming the field, appending nothing', async (_case, body, field) => {
      const id = await register();
      await refused(() => add(id, body), 400, field);
    });

    it.each([
      ['a blank name', { name: '  ' }, 'name'],
      ['a null name', { name: null }, 'name'],
      ['a role too long', { role: 'x'.repeat(CONTACT_ROLE_MAX + 1) }, 'role'],
      ['an email that is none', { email: 'joana' }, 'email'],
      ['a phone too long', { phones: ['1'.repeat(CONTACT_PHONE_MAX + 1)] }, 'phones.0'],
      ['a WhatsApp that is a number', { whatsapp: 11988880000 }, 'whatsapp'],
      ['a null primary flag', { primary: null }, 'primary'],
    ])('refuses an edit with %s: 400 naming the field, appending nothing', async (_case, body, field) => {
      const id = await register();
      const contactId = (await add(id, JOANA)).body.id;
      await refused(() => edit(id, contactId, body), 400, field);
    });

    it('refuses a contact id that is not a UUID with 400 naming contactId', async () => {
      const id = await register();
      await refused(() => edit(id, 'nope', { name: 'Ana' }), 400, 'contactId');
      await refused(() => remove(id, 'nope'), 400, 'contactId');
    });

    it('answers 404 for an unknown customer or contact, and 409 for a deleted customer, appending nothing', async () => {
      await refused(() => add(UNKNOWN, { name: 'Ana' }), 404);
      await refused(() => edit(UNKNOWN, randomUUID(), { name: 'Ana' }), 404);
      await refused(() => remove(UNKNOWN, randomUUID()), 404);
      const id = await register();
      const contactId = (await add(id, JOANA)).body.id;
      await refused(() => edit(id, randomUUID(), { name: 'Ana' }), 404);
      await refused(() => remove(id, randomUUID()), 404);
      // A contact of another customer is not this customer's.
      const other = await register();
      await refused(() => edit(other, contactId, { name: 'Ana' }), 404);

      expect((await t.http.delete(`/customers/${id}`).set(as('manager'))).status).toBe(200);
      await refused(() => add(id, { name: 'Ana' }), 409);
      await refused(() => edit(id, contactId, { name: 'Ana' }), 409);
      await refused(() => remove(id, contactId), 409);
    });

    it('a retry with the same Idempotency-Key answers the same contact and appends once', async () => {
      const id = await register();
      const key = { 'Idempotency-Key': `contact-${randomUUID()}` };
      const first = await add(id, { name: 'Só uma vez', primary: true }, key);
      const retry = await add(id, { name: 'Só uma vez', primary: true }, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect((await t.eventStore.readStream(customerContactsStreamId(id))).map((e) => e.type)).toEqual(['ContactAdded', 'PrimaryContactSet']);
    });

    it('leaves the customer’s own stream alone, and shows the contacts in the customer’s history', async () => {
      const id = await register();
      await add(id, { name: 'Joana' });
      expect((await t.eventStore.readStream(customerStreamId(id))).map((e) => e.type)).toEqual(['CustomerRegistered']);
      const history = await t.http.get(`/customers/${id}/history`).set(as('auditor', 'u-auditor'));
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['CustomerRegistered', 'ContactAdded']);
    });

    it('records the contact entries on the timeline, without the contact’s details', async () => {
      const id = await register();
      const added = await add(id, { name: 'Joana Timeline', email: 'joana.timeline@padaria.com.br', primary: true });
      const timeline = await t.http.get(`/customers/${id}/timeline?minPosition=${added.body.position}`).set(as('readonly'));
      const contactEntries = timeline.body.items.filter((item: { type: string }) => item.type !== 'customer_registered');
      expect(contactEntries.map((item: { type: string; summary: string }) => [item.type, item.summary])).toEqual([
        ['primary_contact_set', 'Contato principal definido'],
        ['contact_added', 'Contato adicionado'],
      ]);
      expect(contactEntries[1].data).toEqual({ contactId: added.body.id });
      expect(JSON.stringify(timeline.body)).not.toContain('Joana');
      expect(JSON.stringify(timeline.body)).not.toContain('joana.timeline@');
    });

    it('keeps the contacts through a rebuild of their read model', async () => {
      const id = await register();
      await add(id, JOANA);
      const last = await add(id, { name: 'Pedro', primary: true });
      const before = await listAfter(id, last.body.position);
      expect(before.items).toHaveLength(2);
      await rebuildAndWaitForSwitch(t, 'customer-contacts');
      expect((await list(id)).body).toEqual(before);
    });
  });
}
