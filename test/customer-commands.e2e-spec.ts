import { customerStreamId } from '@trilha/domain';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const UNKNOWN = '7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60';

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`customer commands over HTTP (T3, T4, T6, T7, T8, T14) ${stores}`, () => {
    let t: TestApp;
    let auth: Record<string, string>;

    beforeAll(async () => {
      t = await startTestAppOn(environment);
      auth = { Authorization: `Bearer ${t.token('broker', 'u7', 'Bruno Corretor')}` };
    });
    afterAll(() => t.close());

    const register = async (body: Record<string, unknown> = {}) => {
      const res = await t.http.post('/customers').set(auth).send({ name: 'Ana Souza', ...body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const post = (path: string, body?: object) => t.http.post(path).set(auth).send(body);
    const detail = async (id: string, position: string) => (await t.http.get(`/customers/${id}?minPosition=${position}`).set(auth)).body;
    const stream = (id: string) => t.eventStore.readStream(customerStreamId(id));
    const types = async (id: string) => (await stream(id)).map((e) => e.type);

    describe('temperature (T3)', () => {
      it('changes the temperature and records who did it', async () => {
        const id = await register({ temperature: 'cold' });
        const res = await post(`/customers/${id}/temperature`, { temperature: 'hot' });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id, revision: '1', position: expect.any(String) });
        expect(await detail(id, res.body.position)).toMatchObject({ temperature: 'hot', revision: '1' });
        const [, changed] = await stream(id);
        expect(changed).toMatchObject({ type: 'TemperatureChanged', data: { customerId: id, from: 'cold', to: 'hot' }, metadata: { actor: { id: 'u7', role: 'broker' } } });
      });

      it('appends nothing when the temperature is already the one asked for', async () => {
        const id = await register({ temperature: 'warm' });
        const res = await post(`/customers/${id}/temperature`, { temperature: 'warm' });
        expect(res.status).toBe(200);
        expect(res.body.revision).toBe('0');
        expect(await stream(id)).toHaveLength(1);
      });

      it('reverts one step at a time, like undo, then answers 409 with nothing appended', async () => {
        const id = await register({ temperature: 'cold' });
        await post(`/customers/${id}/temperature`, { temperature: 'warm' });
        await post(`/customers/${id}/temperature`, { temperature: 'hot' });

        const first = await post(`/customers/${id}/temperature/revert`);
        expect(first.status).toBe(200);
        expect(await detail(id, first.body.position)).toMatchObject({ temperature: 'warm' });
        const second = await post(`/customers/${id}/temperature/revert`);
        expect(await detail(id, second.body.position)).toMatchObject({ temperature: 'cold' });

        const third = await post(`/customers/${id}/temperature/revert`);
        expect(third.status).toBe(409);
        expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(await types(id)).toEqual(['CustomerRegistered', 'TemperatureChanged', 'TemperatureChanged', 'TemperatureReverted', 'TemperatureReverted']);
      });

      it('answers 409 when the temperature was never changed', async () => {
        const id = await register({ temperature: 'hot' });
        const res = await post(`/customers/${id}/temperature/revert`);
        expect(res.status).toBe(409);
        expect(await stream(id)).toHaveLength(1);
      });
    });

    describe('objective, moment (T3) and product of interest (T4)', () => {
      it('changes each and the detail follows', async () => {
        const id = await register({ objective: 'morar' });
        expect((await post(`/customers/${id}/objective`, { objective: 'investir' })).status).toBe(200);
        expect((await post(`/customers/${id}/moment`, { moment: 'research', subMoment: 'comparando preços' })).status).toBe(200);
        const last = await post(`/customers/${id}/product-of-interest`, { productId: 'apt-301' });
        expect(last.status).toBe(200);
        expect(last.body).toEqual({ id, revision: '3', position: expect.any(String) });
        expect(await detail(id, last.body.position)).toMatchObject({ objective: 'investir', moment: 'research', subMoment: 'comparando preços', productOfInterestId: 'apt-301' });

        const moved = await post(`/customers/${id}/moment`, { moment: 'decision' });
        const read = await detail(id, moved.body.position);
        expect(read.moment).toBe('decision');
        expect(read).not.toHaveProperty('subMoment');
      });
    });

    describe('proposals and sale (T6, T14)', () => {
      it('registers a proposal (201, its own id), marks it as a sale (200) and the lead becomes a sale', async () => {
        const registered = await post('/customers', { name: 'Ana Souza' });
        const id = registered.body.id;
        expect((await detail(id, registered.body.position)).leadStatus).toBe('new');

        const created = await post(`/customers/${id}/proposals`, { productId: 'apt-301', amount: 1500.5, notes: 'Entrada de 20%' });
        expect(created.status).toBe(201);
        expect(created.body).toEqual({ id: expect.any(String), revision: '2', position: expect.any(String) });
        const proposalId = created.body.id;
        expect(proposalId).not.toBe(id);
        let read = await detail(id, created.body.position);
        expect(read.leadStatus).toBe('in_progress');
        expect(read.proposals).toEqual([
          { id: proposalId, productId: 'apt-301', amount: '1500.50', amountCents: 150050, notes: 'Entrada de 20%', status: 'open', createdAt: expect.any(String) },
        ]);

        const sold = await post(`/customers/${id}/proposals/${proposalId}/sale`);
        expect(sold.status).toBe(200);
        expect(sold.body).toEqual({ id: proposalId, revision: '4', position: expect.any(String) });
        read = await detail(id, sold.body.position);
        expect(read.leadStatus).toBe('sale');
        expect(read.proposals[0]).toMatchObject({ status: 'sold', soldAt: expect.any(String) });
        expect(await types(id)).toEqual(['CustomerRegistered', 'ProposalRegistered', 'LeadStatusChanged', 'ProposalMarkedAsSale', 'LeadStatusChanged']);
        const [, proposalEvent] = await stream(id);
        expect(proposalEvent.data).toEqual({ customerId: id, proposalId, productId: 'apt-301', amountCents: 150050, notes: 'Entrada de 20%' });
      });

      it('accepts the amount as a decimal string and lists proposals oldest first', async () => {
        const id = await register();
        const a = await post(`/customers/${id}/proposals`, { productId: 'apt-1', amount: '99.9' });
        const b = await post(`/customers/${id}/proposals`, { productId: 'apt-2', amount: 250000 });
        const read = await detail(id, b.body.position);
        expect(read.proposals.map((p: { id: string; amount: string }) => [p.id, p.amount])).toEqual([
          [a.body.id, '99.90'],
          [b.body.id, '250000.00'],
        ]);
      });

      it('a repeated Idempotency-Key answers the same proposal id and appends nothing new', async () => {
        const id = await register();
        const send = () => t.http.post(`/customers/${id}/proposals`).set(auth).set('Idempotency-Key', 'proposal-once').send({ productId: 'p', amount: 10 });
        const first = await send();
        const again = await send();
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
        expect(await types(id)).toEqual(['CustomerRegistered', 'ProposalRegistered', 'LeadStatusChanged']);
      });

      it('refuses to sell a proposal twice (409) or an unknown one (404), appending nothing', async () => {
        const id = await register();
        const created = await post(`/customers/${id}/proposals`, { productId: 'p', amount: 10 });
        await post(`/customers/${id}/proposals/${created.body.id}/sale`);
        const before = (await stream(id)).length;

        const twice = await post(`/customers/${id}/proposals/${created.body.id}/sale`);
        expect(twice.status).toBe(409);
        expect(twice.headers['content-type']).toMatch(/application\/problem\+json/);
        const unknown = await post(`/customers/${id}/proposals/${UNKNOWN}/sale`);
        expect(unknown.status).toBe(404);
        const malformed = await post(`/customers/${id}/proposals/not-a-uuid/sale`);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('proposalId');
        expect(await stream(id)).toHaveLength(before);
      });
    });

    describe('disinterest (T8) and comments (T7)', () => {
      it('records disinterest with its reason; the customer keeps their broker and the lead becomes No sale', async () => {
        const id = await register({ brokerId: 'u7' });
        const res = await post(`/customers/${id}/disinterest`, { reason: 'Comprou com outra construtora' });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id, revision: '2', position: expect.any(String) });
        expect(await detail(id, res.body.position)).toMatchObject({
          brokerId: 'u7',
          leadStatus: 'no_sale',
          disinterest: { reason: 'Comprou com outra construtora', at: expect.any(String), by: { id: 'u7', role: 'broker', name: 'Bruno Corretor' } },
        });
      });

      it('adds a comment (201 with the comment id), up to 4000 characters', async () => {
        const id = await register();
        const res = await post(`/customers/${id}/comments`, { text: 'x'.repeat(4000) });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({ id: expect.any(String), revision: '1', position: expect.any(String) });
        const [, comment] = await stream(id);
        expect(comment).toMatchObject({ type: 'CommentAdded', data: { customerId: id, commentId: res.body.id, text: 'x'.repeat(4000) } });
      });
    });

    describe('refusals append nothing', () => {
      let id: string;
      let before: number;
      const allEvents = async () => (await t.eventStore.readAll({ filter: { streamPrefixes: ['customer-'] } })).length;

      beforeAll(async () => {
        id = await register({ temperature: 'cold' });
      });
      beforeEach(async () => {
        before = await allEvents();
      });
      afterEach(async () => {
        expect(await allEvents()).toBe(before);
      });

      it.each([
        ['temperature', 'a bad enum', { temperature: 'boiling' }, 'temperature'],
        ['temperature', 'a missing field', {}, 'temperature'],
        ['temperature', 'an unknown field', { temperature: 'hot', colour: 'red' }, 'colour'],
        ['objective', 'a blank objective', { objective: '   ' }, 'objective'],
        ['objective', 'a too long objective', { objective: 'x'.repeat(257) }, 'objective'],
        ['moment', 'a missing moment', { subMoment: 'x' }, 'moment'],
        ['moment', 'a too long sub-moment', { moment: 'research', subMoment: 'x'.repeat(129) }, 'subMoment'],
        ['product-of-interest', 'a missing product', {}, 'productId'],
        ['product-of-interest', 'a wrong type', { productId: 7 }, 'productId'],
        ['proposals', 'a missing amount', { productId: 'p' }, 'amount'],
        ['proposals', 'a zero amount', { productId: 'p', amount: 0 }, 'amount'],
        ['proposals', 'a negative amount', { productId: 'p', amount: -10 }, 'amount'],
        ['proposals', 'three decimals', { productId: 'p', amount: 1.005 }, 'amount'],
        ['proposals', 'a comma decimal', { productId: 'p', amount: '1,50' }, 'amount'],
        ['proposals', 'a non-numeric amount', { productId: 'p', amount: 'abc' }, 'amount'],
        ['proposals', 'a missing product', { amount: 10 }, 'productId'],
        ['proposals', 'too long notes', { productId: 'p', amount: 10, notes: 'x'.repeat(4001) }, 'notes'],
        ['disinterest', 'a missing reason', {}, 'reason'],
        ['disinterest', 'a blank reason', { reason: ' ' }, 'reason'],
        ['disinterest', 'a reason over 1000 characters', { reason: 'x'.repeat(1001) }, 'reason'],
        ['comments', 'a missing text', {}, 'text'],
        ['comments', 'a text over 4000 characters', { text: 'x'.repeat(4001) }, 'text'],
      ])('POST %s: 400 naming the field for %s', async (route, _label, body, field) => {
        const res = await post(`/customers/${id}/${route}`, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      });

      it.each([
        ['temperature', { temperature: 'hot' }],
        ['temperature/revert', undefined],
        ['objective', { objective: 'investir' }],
        ['moment', { moment: 'research' }],
        ['product-of-interest', { productId: 'p' }],
        ['proposals', { productId: 'p', amount: 10 }],
        [`proposals/${UNKNOWN}/sale`, undefined],
        ['disinterest', { reason: 'x' }],
        ['comments', { text: 'x' }],
      ])('POST %s: 404 for an unknown customer, 400 for a malformed id', async (route, body) => {
        const unknown = await post(`/customers/${UNKNOWN}/${route}`, body);
        expect(unknown.status).toBe(404);
        expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
        const malformed = await post(`/customers/not-a-uuid/${route}`, body);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
      });

      it('403 for read-only users and auditors', async () => {
        for (const role of ['readonly', 'auditor'] as const) {
          const res = await t.http.post(`/customers/${id}/temperature`).set('Authorization', `Bearer ${t.token(role, 'u9')}`).send({ temperature: 'hot' });
          expect(res.status).toBe(403);
        }
      });

      it('401 without a token', async () => {
        expect((await t.http.post(`/customers/${id}/comments`).send({ text: 'x' })).status).toBe(401);
      });
    });

    it('documents every new route in the OpenAPI document', async () => {
      const doc = (await t.http.get('/docs-json')).body;
      const post = (path: string) => doc.paths[path]?.post;
      expect(Object.keys(post('/customers/{id}/temperature/revert').responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
      expect(Object.keys(post('/customers/{id}/proposals').responses)).toEqual(expect.arrayContaining(['201', '400', '404']));
      expect(Object.keys(post('/customers/{id}/proposals/{proposalId}/sale').responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
      for (const path of ['temperature', 'objective', 'moment', 'product-of-interest', 'disinterest', 'comments']) {
        expect(post(`/customers/{id}/${path}`)?.requestBody).toBeDefined();
      }
      expect(doc.paths['/customers/{id}/changes'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'minPosition']));
    });
  });
}
