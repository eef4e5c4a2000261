import { randomUUID } from 'node:crypto';
import { customerStreamId, NOTE_MAX } from '@trilha/domain';
import type { Role } from '../apps/api/src/platform';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { refusalsOn } from './support/refusals';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_SCHEDULER_INTERVAL_MS: '0' };
const UNKNOWN = '5d1b3c2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/** T15 over HTTP: create notes, list them newest first with author and time, and the refusals. */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`customer notes over HTTP (T15) ${stores}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestAppOn(environment, { env });
    });
    afterAll(() => t.close());

    const as = (role: Role = 'broker', user = 'user-broker', name = 'Beto Broker') => ({ Authorization: `Bearer ${t.token(role, user, name)}` });
    const register = async () => (await t.http.post('/customers').set(as()).send({ name: 'Nina Noted' })).body.id as string;
    const note = (customerId: string, body: unknown, headers: Record<string, string> = {}) => t.http.post(`/customers/${customerId}/notes`).set({ ...as(), ...headers }).send(body as object);
    const list = (customerId: string, query: string) => t.http.get(`/customers/${customerId}/notes?${query}`).set(as('readonly'));
    const refused = refusalsOn(() => t.eventStore);

    it('creates notes (trimmed) and lists them newest first, with author and time', async () => {
      const id = await register();
      const first = await note(id, { text: '  Prefere visitas no sábado\n' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: '1', position: expect.any(String) });
      const second = await t.http.post(`/customers/${id}/notes`).set(as('manager', 'u-manager', 'Mara Manager')).send({ text: 'Ligar depois das 18h' });
      expect(second.status).toBe(201);

      const res = await list(id, `minPosition=${second.body.position}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          { id: second.body.id, text: 'Ligar depois das 18h', at: expect.any(String), author: { id: 'u-manager', role: 'manager', name: 'Mara Manager' } },
          { id: first.body.id, text: 'Prefere visitas no sábado', at: expect.any(String), author: { id: 'user-broker', role: 'broker', name: 'Beto Broker' } },
        ],
        nextCursor: null,
      });
      expect(res.body.items[0].at >= res.body.items[1].at).toBe(true);
    });

    it('pages through the notes with a cursor', async () => {
      const id = await register();
      let position = '';
      for (const text of ['um', 'dois', 'três']) position = (await note(id, { text })).body.position;
      const page1 = await list(id, `limit=2&minPosition=${position}`);
      expect(page1.body.items.map((n: { text: string }) => n.text)).toEqual(['três', 'dois']);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await list(id, `limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
      expect(page2.body).toEqual({ items: [expect.objectContaining({ text: 'um' })], nextCursor: null });
    });

    it('lists no notes for a customer without any, and 404 for an unknown one', async () => {
      const created = (await t.http.post('/customers').set(as()).send({ name: 'Sem Notas' })).body;
      expect((await list(created.id, `minPosition=${created.position}`)).body).toEqual({ items: [], nextCursor: null });
      const unknown = await list(UNKNOWN, '');
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
      await note(id, { text: 'uma nota' });
      const res = await list(id, query);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('a retry with the same Idempotency-Key answers the same note and appends once', async () => {
      const id = await register();
      const key = { 'Idempotency-Key': `note-${randomUUID()}` };
      const first = await note(id, { text: 'Só uma vez' }, key);
      const retry = await note(id, { text: 'Só uma vez' }, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect((await t.eventStore.readStream(customerStreamId(id))).filter((e) => e.type === 'NoteAdded')).toHaveLength(1);
    });

    it('takes a note of NOTE_MAX characters', async () => {
      const id = await register();
      const res = await note(id, { text: 'x'.repeat(NOTE_MAX) });
      expect(res.status).toBe(201);
    });

    it.each([
      ['a text too long', { text: 'x'.repeat(NOTE_MAX + 1) }],
      ['an empty text', { text: '' }],
      ['a blank text', { text: ' \n\t ' }],
      ['a number', { text: 42 }],
      ['an array', { text: ['a'] }],
      ['null', { text: null }],
      ['no text at all', {}],
    ])('refuses %s with 400 naming text, appending nothing', async (_case, body) => {
      const id = await register();
      await refused(() => note(id, body), 400, 'text');
    });

    it('answers 404 for an unknown customer and 409 for a deleted one, appending nothing', async () => {
      await refused(() => note(UNKNOWN, { text: 'Olá' }), 404);
      const id = await register();
      expect((await t.http.delete(`/customers/${id}`).set(as('manager'))).status).toBe(200);
      await refused(() => note(id, { text: 'Olá' }), 409);
    });

    it('records a note_added entry on the timeline, without the text', async () => {
      const id = await register();
      const res = await note(id, { text: 'Texto que fica só nas notas' });
      const timeline = await t.http.get(`/customers/${id}/timeline?minPosition=${res.body.position}`).set(as('readonly'));
      expect(timeline.body.items[0]).toMatchObject({ type: 'note_added', summary: 'Nota criada', data: { noteId: res.body.id }, actor: { id: 'user-broker', kind: 'user' } });
      expect(JSON.stringify(timeline.body)).not.toContain('Texto que fica');
    });

    it('keeps the notes through a rebuild of their read model', async () => {
      const id = await register();
      await note(id, { text: 'Antes do rebuild 1' });
      const last = await note(id, { text: 'Antes do rebuild 2' });
      const before = (await list(id, `minPosition=${last.body.position}`)).body;
      expect(before.items).toHaveLength(2);
      await rebuildAndWaitForSwitch(t, 'customer-notes');
      expect((await list(id, '')).body).toEqual(before);
    });
  });
}
