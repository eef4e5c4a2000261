import { customerStreamId } from '@trilha/domain';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const UNKNOWN = '7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60';
type Item = { at: string; actor: { id: string; role: string; name: string } | null; field: string; from: unknown; to: unknown; eventId: string };

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`GET /customers/:id/changes: "view changes" (T2, T3, T4) ${stores}`, () => {
    let t: TestApp;
    let broker: Record<string, string>;
    let manager: Record<string, string>;

    beforeAll(async () => {
      t = await startTestAppOn(environment);
      broker = { Authorization: `Bearer ${t.token('broker', 'u7', 'Bruno Corretor')}` };
      manager = { Authorization: `Bearer ${t.token('manager', 'u2', 'Marta Gerente')}` };
    });
    afterAll(() => t.close());

    const send = async (method: 'post' | 'patch', path: string, body: object | undefined, who = broker) => {
      const res = await t.http[method](path).set(who).send(body);
      expect(res.status).toBeLessThan(300);
      return res.body as { id: string; position: string };
    };
    const changes = (id: string, query = '', who = broker) => t.http.get(`/customers/${id}/changes${query}`).set(who);

    it('lists data edits field by field and status changes, newest first, with actor and event id', async () => {
      const { id } = await send('post', '/customers', { name: 'Ana', email: 'ana@example.com', temperature: 'cold' });
      await send('patch', `/customers/${id}`, { name: 'Ana Souza', email: null, phones: ['+55 11 1'] }, manager);
      await send('post', `/customers/${id}/temperature`, { temperature: 'hot' });
      await send('post', `/customers/${id}/temperature/revert`, undefined);
      await send('post', `/customers/${id}/objective`, { objective: 'investir' });
      await send('post', `/customers/${id}/moment`, { moment: 'research', subMoment: 'primeira visita' });
      await send('post', `/customers/${id}/comments`, { text: 'not a change' });
      const last = await send('post', `/customers/${id}/product-of-interest`, { productId: 'apt-301' });

      const res = await changes(id, `?minPosition=${last.position}`);
      expect(res.status).toBe(200);
      const b = { id: 'u7', role: 'broker', name: 'Bruno Corretor' };
      const m = { id: 'u2', role: 'manager', name: 'Marta Gerente' };
      expect(res.body.items.map(({ field, from, to, actor }: Item) => ({ field, from, to, actor }))).toEqual([
        { field: 'productOfInterestId', from: null, to: 'apt-301', actor: b },
        { field: 'moment', from: null, to: 'research', actor: b },
        { field: 'subMoment', from: null, to: 'primeira visita', actor: b },
        { field: 'objective', from: null, to: 'investir', actor: b },
        { field: 'temperature', from: 'hot', to: 'cold', actor: b },
        { field: 'temperature', from: 'cold', to: 'hot', actor: b },
        { field: 'name', from: 'Ana', to: 'Ana Souza', actor: m },
        { field: 'phones', from: [], to: ['+55 11 1'], actor: m },
        { field: 'email', from: 'ana@example.com', to: null, actor: m },
      ]);
      expect(res.body.nextCursor).toBeNull();

      const events = await t.eventStore.readStream(customerStreamId(id));
      const edit = events.find((e) => e.type === 'CustomerDataEdited')!;
      const editItems = res.body.items.filter((i: Item) => i.actor?.id === 'u2');
      expect(editItems.map((i: Item) => i.eventId)).toEqual([edit.id, edit.id, edit.id]);
      expect(editItems[0].at).toBe(edit.metadata.occurredAt);
    });

    it('pages with ?limit= and the opaque nextCursor until the last page', async () => {
      const { id } = await send('post', '/customers', { name: 'Paginada' });
      let last = { position: '' };
      for (const temperature of ['cold', 'warm', 'hot', 'cold', 'warm']) last = await send('post', `/customers/${id}/temperature`, { temperature });
      const all = (await changes(id, `?minPosition=${last.position}`)).body.items as Item[];
      expect(all).toHaveLength(5);

      const seen: Item[] = [];
      let cursor: string | null = null;
      const sizes: number[] = [];
      do {
        const page = await changes(id, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.status).toBe(200);
        sizes.push(page.body.items.length);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(sizes).toEqual([2, 2, 1]);
      expect(seen).toEqual(all);
      expect(seen.map((i) => i.to)).toEqual(['warm', 'cold', 'hot', 'warm', 'cold']);
    });

    it('answers an empty list for a customer with no changes, to every role', async () => {
      // The broker's own customer (u9): a broker reads only their portfolio.
      const created = await send('post', '/customers', { name: 'Sem mudanças', brokerId: 'u9' }, manager);
      for (const role of ['readonly', 'auditor', 'broker'] as const) {
        const res = await changes(created.id, `?minPosition=${created.position}`, { Authorization: `Bearer ${t.token(role, 'u9')}` });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ items: [], nextCursor: null });
      }
    });

    it('404 for an unknown customer, 400 naming the parameter for bad ids, limits and cursors', async () => {
      const { id } = await send('post', '/customers', { name: 'X' });
      expect((await changes(UNKNOWN)).status).toBe(404);
      const cases: Array<[string, string, string]> = [
        ['not-a-uuid', '', 'id'],
        [id, '?limit=0', 'limit'],
        [id, '?limit=501', 'limit'],
        [id, '?limit=abc', 'limit'],
        [id, '?cursor=not-a-cursor', 'cursor'],
        [id, '?minPosition=x', 'minPosition'],
        [id, '?sort=asc', 'sort'],
      ];
      for (const [customer, query, field] of cases) {
        const res = await changes(customer, query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('401 without a token', async () => {
      expect((await t.http.get(`/customers/${UNKNOWN}/changes`)).status).toBe(401);
    });
  });
}
