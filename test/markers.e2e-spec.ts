import { randomUUID } from 'node:crypto';
import { customerStreamId, MARKERS_STREAM_ID } from '@trilha/domain';
import { positionToString } from '@trilha/event-store';
import type { Role } from '../apps/api/src/platform';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';
import { refusalsOn } from './support/refusals';

const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_TIMEZONE: 'America/Sao_Paulo' };

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/** CS6 over HTTP: the marker catalogue (admins), a customer's one marker, and where it shows. */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`markers over HTTP (CS6) ${stores}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestAppOn(environment, { env, clock: () => new Date('2026-03-10T13:00:00Z') });
    });
    afterAll(() => t.close());

    const as = (role: Role = 'admin', user = `user-${role}`) => ({ Authorization: `Bearer ${t.token(role, user)}` });
    const head = async () => {
      const position = await t.eventStore.headPosition();
      return position ? positionToString(position) : null;
    };
    const createMarker = (body: object, role: Role = 'admin') => t.http.post('/markers').set(as(role)).send(body);
    const created = async (name: string, emoji: string) => {
      const res = await createMarker({ name, emoji });
      expect(res.status).toBe(201);
      return res.body as { id: string; revision: string; position: string };
    };
    const markers = async (position: string, role: Role = 'readonly') => {
      const res = await t.http.get(`/markers?minPosition=${position}`).set(as(role));
      expect(res.status).toBe(200);
      return res.body.items as Array<{ id: string; name: string; emoji: string }>;
    };
    const register = async (name: string) => (await t.http.post('/customers').set(as()).send({ name, brokerId: 'user-broker' })).body.id as string;
    const setMarker = (customerId: string, markerId: unknown, role: Role = 'broker') => t.http.put(`/customers/${customerId}/marker`).set(as(role)).send({ markerId });
    const detail = async (customerId: string, position: string) => (await t.http.get(`/customers/${customerId}?minPosition=${position}`).set(as('readonly'))).body;

    const refused = refusalsOn(() => t.eventStore);

    it('creates a marker (admin) that everyone lists, name trimmed', async () => {
      const vip = await created('  Cliente VIP ', '⭐');
      expect(vip).toEqual({ id: expect.any(String), revision: expect.any(String), position: expect.any(String) });
      expect(await markers(vip.position)).toContainEqual({ id: vip.id, name: 'Cliente VIP', emoji: '⭐' });
      expect(await markers(vip.position, 'broker')).toContainEqual({ id: vip.id, name: 'Cliente VIP', emoji: '⭐' });
      const [event] = (await t.eventStore.readStream(MARKERS_STREAM_ID)).filter((e) => e.data.markerId === vip.id);
      expect(event).toMatchObject({ type: 'MarkerCreated', data: { markerId: vip.id, name: 'Cliente VIP', emoji: '⭐' }, metadata: { actor: { role: 'admin' } } });
    });

    it('accepts a 60-character name of any characters and an emoji sequence', async () => {
      const name = `Ação & "risco" #1 ${'x'.repeat(42)}`;
      expect([...name]).toHaveLength(60);
      const marker = await created(name, '👨‍👩‍👧');
      expect(await markers(marker.position)).toContainEqual({ id: marker.id, name, emoji: '👨‍👩‍👧' });
    });

    it.each([
      ['no name', { emoji: '⭐' }, 'name'],
      ['a blank name', { name: '   ', emoji: '⭐' }, 'name'],
      ['a 61-character name', { name: 'x'.repeat(61), emoji: '⭐' }, 'name'],
      ['no emoji', { name: 'Sem emoji' }, 'emoji'],
      ['two emojis', { name: 'Dois', emoji: '⭐⭐' }, 'emoji'],
      ['plain text as emoji', { name: 'Texto', emoji: 'star' }, 'emoji'],
      ['a number as emoji', { name: 'Número', emoji: 7 }, 'emoji'],
    ])('refuses %s with 400 naming the field, appending nothing', async (_label, body, field) => {
      await refused(() => createMarker(body), 400, field);
    });

    it('refuses a name another marker has, ignoring case (409)', async () => {
      await created('Em risco', '⚠️');
      await refused(() => createMarker({ name: 'EM RISCO', emoji: '🔥' }), 409);
    });

    it('lets only admins configure markers (403 for a manager or a broker)', async () => {
      const marker = await created('Só admin', '🔒');
      for (const role of ['manager', 'broker', 'auditor', 'readonly'] as const) {
        await refused(() => createMarker({ name: `De ${role}`, emoji: '🙂' }, role), 403);
        await refused(() => t.http.patch(`/markers/${marker.id}`).set(as(role)).send({ name: 'Outro' }), 403);
        await refused(() => t.http.delete(`/markers/${marker.id}`).set(as(role)), 403);
      }
    });

    it('renames a marker and changes its emoji; the current values change nothing', async () => {
      const marker = await created('Promotor', '😀');
      const renamed = await t.http.patch(`/markers/${marker.id}`).set(as()).send({ name: 'Promotor da marca', emoji: '📣' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toEqual({ id: marker.id, revision: expect.any(String), position: expect.any(String) });
      expect(await markers(renamed.body.position)).toContainEqual({ id: marker.id, name: 'Promotor da marca', emoji: '📣' });

      const emojiOnly = await t.http.patch(`/markers/${marker.id}`).set(as()).send({ emoji: '🎉' });
      expect(await markers(emojiOnly.body.position)).toContainEqual({ id: marker.id, name: 'Promotor da marca', emoji: '🎉' });

      const before = await head();
      const same = await t.http.patch(`/markers/${marker.id}`).set(as()).send({ name: 'Promotor da marca', emoji: '🎉' });
      expect(same.status).toBe(200);
      expect(await head()).toBe(before);
    });

    it('refuses a bad change: empty body, bad fields, unknown marker, a taken name', async () => {
      const marker = await created('Detrator', '😠');
      await refused(() => t.http.patch(`/markers/${marker.id}`).set(as()).send({}), 400, 'body');
      await refused(() => t.http.patch(`/markers/${marker.id}`).set(as()).send({ name: null, emoji: null }), 400, 'body');
      await refused(() => t.http.patch(`/markers/${marker.id}`).set(as()).send({ name: '' }), 400, 'name');
      await refused(() => t.http.patch(`/markers/${marker.id}`).set(as()).send({ emoji: '😠😠' }), 400, 'emoji');
      await refused(() => t.http.patch('/markers/not-a-uuid').set(as()).send({ name: 'X' }), 400, 'id');
      await refused(() => t.http.patch(`/markers/${randomUUID()}`).set(as()).send({ name: 'X' }), 404);
      await refused(() => t.http.patch(`/markers/${marker.id}`).set(as()).send({ name: 'cliente vip' }), 409);
    });

    it("sets a customer's one marker: the detail and the timeline show it", async () => {
      const vip = await created('Ouro', '🥇');
      const silver = await created('Prata', '🥈');
      const customerId = await register('Ana Souza');
      expect((await detail(customerId, (await setMarker(customerId, silver.id)).body.position)).marker).toEqual({ id: silver.id, name: 'Prata', emoji: '🥈' });

      const res = await setMarker(customerId, vip.id.toUpperCase());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: customerId, revision: '2', position: expect.any(String) });
      expect((await detail(customerId, res.body.position)).marker).toEqual({ id: vip.id, name: 'Ouro', emoji: '🥇' });

      // The marker it already has: nothing appended, the current revision answered.
      const again = await setMarker(customerId, vip.id);
      expect(again.body).toEqual({ id: customerId, revision: '2', position: res.body.position });
      expect((await t.eventStore.readStream(customerStreamId(customerId))).map((e) => e.type)).toEqual(['CustomerRegistered', 'CustomerMarkerSet', 'CustomerMarkerSet']);

      const renamed = await t.http.patch(`/markers/${vip.id}`).set(as()).send({ name: 'Ouro puro' });
      expect((await detail(customerId, renamed.body.position)).marker).toEqual({ id: vip.id, name: 'Ouro puro', emoji: '🥇' });

      const timeline = await t.http.get(`/customers/${customerId}/timeline?type=marker_set&minPosition=${renamed.body.position}`).set(as('readonly'));
      expect(timeline.body.items.map((i: { summary: string; data: object }) => [i.summary, i.data])).toEqual([
        ['Marcador definido: 🥇 Ouro puro', { markerId: vip.id, markerName: 'Ouro puro', markerEmoji: '🥇' }],
        ['Marcador definido: 🥈 Prata', { markerId: silver.id, markerName: 'Prata', markerEmoji: '🥈' }],
      ]);
    });

    it('refuses an unknown marker (422 naming markerId), an unknown customer (404) and a malformed id (400)', async () => {
      const marker = await created('Qualquer', '🍀');
      const customerId = await register('Bruno');
      await refused(() => setMarker(customerId, randomUUID()), 422, 'markerId');
      await refused(() => setMarker(randomUUID(), marker.id, 'admin'), 404);
      await refused(() => setMarker(customerId, 'nope'), 400, 'markerId');
      await refused(() => setMarker(customerId, undefined), 400, 'markerId');
      await refused(() => t.http.delete(`/customers/${randomUUID()}/marker`).set(as()), 404);
      await refused(() => setMarker(customerId, marker.id, 'readonly'), 403);
    });

    it('clears the marker; clearing a customer without one appends nothing', async () => {
      const marker = await created('Passageiro', '🚌');
      const customerId = await register('Carla');
      await setMarker(customerId, marker.id);
      const cleared = await t.http.delete(`/customers/${customerId}/marker`).set(as('broker'));
      expect(cleared.status).toBe(200);
      expect((await detail(customerId, cleared.body.position)).marker).toBeNull();
      const before = await head();
      expect((await t.http.delete(`/customers/${customerId}/marker`).set(as('broker'))).status).toBe(200);
      expect(await head()).toBe(before);
      const timeline = await t.http.get(`/customers/${customerId}/timeline?type=marker_cleared&minPosition=${cleared.body.position}`).set(as());
      expect(timeline.body.items.map((i: { summary: string }) => i.summary)).toEqual(['Marcador removido: 🚌 Passageiro']);
    });

    it('filters the wallet board by marker: exactly the cards with it', async () => {
      const journey = (await t.http.post('/journeys').set(as()).send({ name: 'Jornada', steps: [{ name: 'Início', milestones: [{ name: 'Kickoff', days: 2 }] }] })).body;
      const walletId = (await t.http.post('/wallets').set(as()).send({ name: `Carteira ${randomUUID()}`, managerId: 'mgr', journeyId: journey.id })).body.id;
      const hot = await created('Quente', '🔥');
      const cold = await created('Frio', '🧊');
      const [a, b, c, d] = [await register('A'), await register('B'), await register('C'), await register('D')];
      for (const id of [a, b, c, d]) expect((await t.http.put(`/customers/${id}/wallet`).set(as()).send({ walletId })).status).toBe(200);
      await setMarker(a, hot.id);
      await setMarker(b, hot.id);
      const last = (await setMarker(c, cold.id)).body.position;
      const cardsWith = async (marker: string, position: string) => {
        const res = await t.http.get(`/wallets/${walletId}/board?marker=${marker}&minPosition=${position}`).set(as('readonly'));
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(4);
        return res.body.columns.flatMap((column: { cards: Array<{ customerId: string }> }) => column.cards.map((card) => card.customerId)).sort();
      };
      expect(await cardsWith(hot.id, last)).toEqual([a, b].sort());
      expect(await cardsWith(cold.id, last)).toEqual([c]);

      const moved = (await setMarker(b, cold.id)).body.position;
      expect(await cardsWith(hot.id, moved)).toEqual([a]);
      expect(await cardsWith(cold.id, moved)).toEqual([b, c].sort());

      // Deleting a marker: it leaves the board's cards, the detail and the list, with no event per customer.
      const before = (await t.eventStore.readStream(customerStreamId(b))).length;
      const deleted = await t.http.delete(`/markers/${cold.id}`).set(as());
      expect(deleted.status).toBe(200);
      expect(await cardsWith(cold.id, deleted.body.position)).toEqual([]);
      expect(await cardsWith(hot.id, deleted.body.position)).toEqual([a]);
      expect((await detail(b, deleted.body.position)).marker).toBeNull();
      expect((await detail(a, deleted.body.position)).marker).toEqual({ id: hot.id, name: 'Quente', emoji: '🔥' });
      expect((await markers(deleted.body.position)).map((m) => m.id)).not.toContain(cold.id);
      expect((await t.eventStore.readStream(customerStreamId(b))).length).toBe(before);

      await refused(() => t.http.delete(`/markers/${cold.id}`).set(as()), 404);
      await refused(() => setMarker(d, cold.id), 422, 'markerId');
    });
  });
}

describe('at most 15 markers (CS6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestAppOn(embeddedStores, { env });
  });
  afterAll(() => t.close());
  const admin = () => ({ Authorization: `Bearer ${t.token('admin', 'u-admin')}` });

  it('refuses a 16th marker with 422 naming the limit, appending nothing; a deletion frees a place', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 15; i++) {
      const res = await t.http.post('/markers').set(admin()).send({ name: `Marcador ${i}`, emoji: '🔖' });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const before = (await t.eventStore.readStream(MARKERS_STREAM_ID)).length;
    const sixteenth = await t.http.post('/markers').set(admin()).send({ name: 'Marcador 16', emoji: '🔖' });
    expect(sixteenth.status).toBe(422);
    expect(sixteenth.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sixteenth.body.detail).toMatch(/15 markers/);
    expect((await t.eventStore.readStream(MARKERS_STREAM_ID)).length).toBe(before);

    expect((await t.http.delete(`/markers/${ids[0]}`).set(admin())).status).toBe(200);
    const again = await t.http.post('/markers').set(admin()).send({ name: 'Marcador 16', emoji: '🔖' });
    expect(again.status).toBe(201);
    const list = await t.http.get(`/markers?minPosition=${again.body.position}`).set(admin());
    expect(list.body.items).toHaveLength(15);
  });
});
