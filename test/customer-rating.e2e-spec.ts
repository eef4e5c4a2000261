import { customerStreamId } from '@trilha/domain';
import type { Role } from '../apps/api/src/platform';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { refusalsOn } from './support/refusals';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_SCHEDULER_INTERVAL_MS: '0' };
const UNKNOWN = '5d1b3c2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/** T13 over HTTP: rate a lead 0–5 stars; the detail and the timeline show it; refusals append nothing. */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`customer rating over HTTP (T13) ${stores}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestAppOn(environment, { env });
    });
    afterAll(() => t.close());

    const as = (role: Role = 'broker', user = 'user-broker') => ({ Authorization: `Bearer ${t.token(role, user)}` });
    const register = async () => (await t.http.post('/customers').set(as()).send({ name: 'Rita Rated' })).body.id as string;
    const rate = (customerId: string, body: unknown) => t.http.post(`/customers/${customerId}/rating`).set(as()).send(body as object);
    const detail = async (customerId: string, position: string) => (await t.http.get(`/customers/${customerId}?minPosition=${position}`).set(as('readonly'))).body;
    const summaries = async (customerId: string, position: string) =>
      (await t.http.get(`/customers/${customerId}/timeline?type=rating_changed&minPosition=${position}`).set(as('readonly'))).body.items.map((i: { summary: string }) => i.summary);
    const refused = refusalsOn(() => t.eventStore);

    it('shows no rating until one is set, then the rating on the detail and each change on the timeline', async () => {
      const created = (await t.http.post('/customers').set(as()).send({ name: 'Rita Rated' })).body;
      const id = created.id as string;
      expect((await detail(id, created.position)).rating).toBeNull();

      const four = await rate(id, { rating: 4 });
      expect(four.status).toBe(200);
      expect(four.body).toEqual({ id, revision: '1', position: expect.any(String) });
      expect((await detail(id, four.body.position)).rating).toBe(4);

      const zero = await rate(id, { rating: 0 });
      expect(zero.body.revision).toBe('2');
      expect((await detail(id, zero.body.position)).rating).toBe(0);
      expect(await summaries(id, zero.body.position)).toEqual(['Avaliação alterada de 4 para 0 estrelas', 'Avaliação alterada para 4 estrelas']);

      const events = await t.eventStore.readStream(customerStreamId(id));
      expect(events.slice(1).map((e) => ({ type: e.type, data: e.data }))).toEqual([
        { type: 'RatingChanged', data: { customerId: id, to: 4 } },
        { type: 'RatingChanged', data: { customerId: id, from: 4, to: 0 } },
      ]);
    });

    it('appends nothing when the same rating is set again, and answers the current revision', async () => {
      const id = await register();
      const first = await rate(id, { rating: 5 });
      const again = await rate(id, { rating: 5 });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ id, revision: first.body.revision, position: expect.any(String) });
      expect(await t.eventStore.readStream(customerStreamId(id))).toHaveLength(2);
    });

    it.each([
      ['more than 5 stars', { rating: 6 }],
      ['fewer than 0 stars', { rating: -1 }],
      ['half a star', { rating: 2.5 }],
      ['a numeric text', { rating: '4' }],
      ['a boolean', { rating: true }],
      ['null', { rating: null }],
      ['no rating at all', {}],
    ])('refuses %s with 400 naming rating, appending nothing', async (_case, body) => {
      const id = await register();
      await refused(() => rate(id, body), 400, 'rating');
    });

    it('refuses an unknown field next to the rating', async () => {
      const id = await register();
      await refused(() => rate(id, { rating: 3, stars: 3 }), 400, 'stars');
    });

    it('answers 404 for an unknown customer and 409 for a deleted one, appending nothing', async () => {
      await refused(() => rate(UNKNOWN, { rating: 3 }), 404);
      const id = await register();
      expect((await t.http.delete(`/customers/${id}`).set(as('manager'))).status).toBe(200);
      await refused(() => rate(id, { rating: 3 }), 409);
    });

    it('keeps the rating and its timeline entries through a rebuild of the detail and the timeline', async () => {
      const id = await register();
      await rate(id, { rating: 2 });
      const last = await rate(id, { rating: 3 });
      await detail(id, last.body.position);
      await rebuildAndWaitForSwitch(t, 'customer-detail');
      await rebuildAndWaitForSwitch(t, 'timeline');
      expect((await detail(id, last.body.position)).rating).toBe(3);
      expect(await summaries(id, last.body.position)).toEqual(['Avaliação alterada de 2 para 3 estrelas', 'Avaliação alterada para 2 estrelas']);
    });
  });
}
