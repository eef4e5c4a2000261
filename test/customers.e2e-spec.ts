import { customerStreamId } from '@trilha/domain';
import { PersonalDataVault } from '../apps/api/src/infrastructure/personal-data-vault';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { bothDoubles, configuredServers, embeddedStores, eventStoreDbDouble, serversConfigured, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

describeCustomersOverHttp('customers over HTTP on the embedded stores (T1, T2)', embeddedStores);
describeCustomersOverHttp('customers over HTTP on EventStoreDB (gRPC double) (T1, T2)', eventStoreDbDouble);
describeCustomersOverHttp('customers over HTTP on EventStoreDB + MongoDB doubles (T1, T2)', bothDoubles);
// `npm run test:integration` with real servers (docker/compose.yml): the production stores.
if (serversConfigured) {
  describeCustomersOverHttp('customers over HTTP on the configured servers (T1, T2)', configuredServers);
}

function describeCustomersOverHttp(label: string, environment: StoreEnvironment) {
  describe(label, () => {
    let t: TestApp;
    let admin: string;

    beforeAll(async () => {
      t = await startTestAppOn(environment);
      admin = t.token('admin', 'u1', 'Ana Admin');
    });
    afterAll(() => t.close());

    const auth = () => ({ Authorization: `Bearer ${admin}` });
    const allEvents = () => t.eventStore.readAll({ filter: { streamPrefixes: ['customer-'] } });

    async function register(body: Record<string, unknown>, headers: Record<string, string> = {}) {
      return t.http.post('/customers').set(auth()).set(headers).send(body);
    }

    it('registers a customer and reads it back once the read model has the position', async () => {
      const created = await register(
        {
          name: 'Maria Silva',
          phones: ['+55 11 98888-0000', '+55 11 3333-0000'],
          email: 'maria@example.com',
          temperature: 'warm',
          origin: { entryMethod: 'chatbot', site: 'example.com', ip: '203.0.113.7', medium: { campaign: 'spring' }, extraAttributes: { budget: '500k' } },
        },
        { 'X-Correlation-Id': 'corr-register-1' },
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), revision: '0', position: expect.stringMatching(/^\d+(\/\d+)?$/) });

      const read = await t.http.get(`/customers/${created.body.id}?minPosition=${created.body.position}`).set(auth());
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        id: created.body.id,
        name: 'Maria Silva',
        phones: ['+55 11 98888-0000', '+55 11 3333-0000'],
        email: 'maria@example.com',
        temperature: 'warm',
        origin: { entryMethod: 'chatbot', site: 'example.com', ip: '203.0.113.7', medium: { campaign: 'spring' }, extraAttributes: { budget: '500k' } },
        registeredBy: { id: 'u1', role: 'admin', name: 'Ana Admin' },
        revision: '0',
        position: created.body.position,
      });

      const [event] = await t.eventStore.readStream(customerStreamId(created.body.id));
      expect(event.type).toBe('CustomerRegistered');
      expect(event.metadata).toMatchObject({
        actor: { id: 'u1', role: 'admin', name: 'Ana Admin', kind: 'user' },
        correlationId: 'corr-register-1',
        causationId: 'corr-register-1',
        commandId: expect.any(String),
        occurredAt: expect.any(String),
        schemaVersion: 1,
      });
    });

    it('edits fields, recording each change, and the detail follows', async () => {
      const created = await register({ name: 'João', email: 'joao@example.com', channel: 'site' });
      const edited = await t.http
        .patch(`/customers/${created.body.id}`)
        .set(auth())
        .send({ name: 'João Pedro', email: null, whatsapp: '+55 21 97777-0000' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: created.body.id, revision: '1' });

      // Personal values are stored encrypted (ADR 0017); the app's vault reads them back.
      const [, stored] = await t.storedEventStore.readStream(customerStreamId(created.body.id));
      expect(JSON.stringify(stored.data)).not.toContain('João');
      const event = await t.app.get(PersonalDataVault).decrypt(stored);
      expect(event.data.changes).toEqual([
        { field: 'name', from: 'João', to: 'João Pedro' },
        { field: 'email', from: 'joao@example.com' },
        { field: 'whatsapp', to: '+55 21 97777-0000' },
      ]);

      const read = await t.http.get(`/customers/${created.body.id}?minPosition=${edited.body.position}`).set(auth());
      expect(read.body).toMatchObject({ name: 'João Pedro', whatsapp: '+55 21 97777-0000', channel: 'site', revision: '1' });
      expect(read.body).not.toHaveProperty('email');
    });

    it('answers a repeated Idempotency-Key as the first time and appends nothing new', async () => {
      const body = { name: 'Idem Potente' };
      const first = await register(body, { 'Idempotency-Key': 'register-idem-1' });
      const again = await register(body, { 'Idempotency-Key': 'register-idem-1' });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await t.eventStore.readStream(customerStreamId(first.body.id))).toHaveLength(1);
    });

    describe('refusals append nothing', () => {
      let before: number;
      beforeEach(async () => {
        before = (await allEvents()).length;
      });
      afterEach(async () => {
        expect((await allEvents()).length).toBe(before);
      });

      it('401 without a token, or with a bad one', async () => {
        const none = await t.http.post('/customers').send({ name: 'X' });
        const bad = await t.http.post('/customers').set('Authorization', 'Bearer not.a.token').send({ name: 'X' });
        for (const res of [none, bad]) {
          expect(res.status).toBe(401);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }
      });

      it('403 for a read-only user', async () => {
        const res = await t.http.post('/customers').set('Authorization', `Bearer ${t.token('readonly', 'u9')}`).send({ name: 'X' });
        expect(res.status).toBe(403);
      });

      it.each([
        ['a missing name', {}, 'name'],
        ['a wrong type', { name: 42 }, 'name'],
        ['an unknown field', { name: 'X', favouriteColour: 'blue' }, 'favouriteColour'],
        ['a bad nested field', { name: 'X', origin: { ip: 'not-an-ip' } }, 'origin.ip'],
        ['a bad array element', { name: 'X', phones: ['1', 2] }, 'phones'],
        ['a bad enum', { name: 'X', temperature: 'boiling' }, 'temperature'],
        ['a too long name', { name: 'x'.repeat(257) }, 'name'],
      ])('400 naming the field for %s', async (_label, body, field) => {
        const res = await register(body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
      });

      it('400 for malformed JSON', async () => {
        const res = await t.http.post('/customers').set(auth()).set('Content-Type', 'application/json').send('{"name": "X",');
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      });

      it('413 for an oversize body', async () => {
        const res = await register({ name: 'X', origin: { extraAttributes: { blob: 'x'.repeat(2 * 1024 * 1024) } } });
        expect(res.status).toBe(413);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      });

      it('400 for a malformed id, 404 for an unknown one', async () => {
        const malformed = await t.http.patch('/customers/not-a-uuid').set(auth()).send({ name: 'Y' });
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
        const unknown = await t.http.patch('/customers/7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60').set(auth()).send({ name: 'Y' });
        expect(unknown.status).toBe(404);
        const read = await t.http.get('/customers/7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60').set(auth());
        expect(read.status).toBe(404);
      });

      it('400 for an empty edit', async () => {
        const created = await register({ name: 'Vazio' });
        before += 1;
        const res = await t.http.patch(`/customers/${created.body.id}`).set(auth()).send({});
        expect(res.status).toBe(400);
      });

      it('409 for a stale If-Match revision', async () => {
        const created = await register({ name: 'Stale' });
        before += 1;
        const res = await t.http.patch(`/customers/${created.body.id}`).set(auth()).set('If-Match', '"7"').send({ name: 'Fresh' });
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      });
    });

    it('rebuilds the detail projection from zero into the same documents', async () => {
      const created = await register({ name: 'Rebuild Me', phones: ['1'] });
      await t.http.patch(`/customers/${created.body.id}`).set(auth()).send({ phones: ['1', '2'] });
      const last = await t.http.patch(`/customers/${created.body.id}`).set(auth()).send({ media: 'instagram' });
      const before = await t.http.get(`/customers/${created.body.id}?minPosition=${last.body.position}`).set(auth());

      await rebuildAndWaitForSwitch(t, 'customer-detail');
      const after = await t.http.get(`/customers/${created.body.id}`).set(auth());
      expect(after.body).toEqual(before.body);
    });
  });
}
