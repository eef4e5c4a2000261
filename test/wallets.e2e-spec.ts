import { randomUUID } from 'node:crypto';
import { managerWalletsStreamId, walletNameStreamId, walletStreamId } from '@trilha/domain';
import { embeddedStores, eventStoreDbDouble, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

// Uniqueness across streams rests on expected revisions: run it on both embedded and EventStoreDB.
describeWalletsOverHttp('wallets over HTTP on the embedded stores (CS3)', embeddedStores);
describeWalletsOverHttp('wallets over HTTP on EventStoreDB (gRPC double) (CS3)', eventStoreDbDouble);

function describeWalletsOverHttp(label: string, environment: StoreEnvironment) {
  describe(label, () => {
    let t: TestApp;
    let journeyId: string;
    beforeAll(async () => {
      t = await startTestAppOn(environment);
      const journey = await t.http.post('/journeys').set(as()).send({ name: 'Onboarding', steps: [{ name: 'Início', milestones: [{ name: 'Kickoff', days: 2 }] }] });
      journeyId = journey.body.id;
    });
    afterAll(() => t.close());

    const as = (role: 'admin' | 'manager' | 'broker' | 'readonly' = 'admin') => ({ Authorization: `Bearer ${t.token(role, `user-${role}`)}` });
    const create = (body: Record<string, unknown>, headers: Record<string, string> = {}) => t.http.post('/wallets').set(as()).set(headers).send(body);
    const eventCount = async () => (await t.eventStore.readAll()).length;
    const walletsOf = async (managerId: string, minPosition: string) =>
      (await t.http.get(`/wallets?managerId=${managerId}&minPosition=${minPosition}`).set(as('readonly'))).body.items as { id: string; name: string; isDefault: boolean }[];

    it('creates a wallet with its manager and journey, reserving its name', async () => {
      const res = await create({ name: 'Carteira Sul', managerId: 'mgr-sul', journeyId });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), revision: '0', position: expect.any(String) });

      const [created] = await t.eventStore.readStream(walletStreamId(res.body.id));
      expect(created).toMatchObject({ type: 'WalletCreated', data: { walletId: res.body.id, name: 'Carteira Sul', managerId: 'mgr-sul', journeyId } });
      const [reserved] = await t.eventStore.readStream(walletNameStreamId('carteira sul'));
      expect(reserved).toMatchObject({ type: 'WalletNameReserved', data: { name: 'Carteira Sul', walletId: res.body.id } });
      // Each stream's events have ids of their own, all caused by the request's command.
      expect(reserved.id).not.toBe(created.id);
      expect(reserved.metadata.causationId).toBe(created.metadata.commandId);

      expect(await walletsOf('mgr-sul', res.body.position)).toEqual([{ id: res.body.id, name: 'Carteira Sul', managerId: 'mgr-sul', journeyId, isDefault: false }]);
    });

    it('creates a wallet without a journey', async () => {
      const res = await create({ name: 'Sem jornada', managerId: 'mgr-x' });
      expect(res.status).toBe(201);
      const [created] = await t.eventStore.readStream(walletStreamId(res.body.id));
      expect(created.data).toEqual({ walletId: res.body.id, name: 'Sem jornada', managerId: 'mgr-x' });
    });

    it('keeps one default wallet per manager: a new default unsets the old one', async () => {
      const first = await create({ name: 'Padrão 1', managerId: 'mgr-default', isDefault: true });
      expect(first.status).toBe(201);
      const second = await create({ name: 'Padrão 2', managerId: 'mgr-default', isDefault: true });
      const third = await create({ name: 'Padrão 3', managerId: 'mgr-default' });
      expect(await walletsOf('mgr-default', third.body.position)).toEqual([
        expect.objectContaining({ id: first.body.id, isDefault: false }),
        expect.objectContaining({ id: second.body.id, isDefault: true }),
        expect.objectContaining({ id: third.body.id, isDefault: false }),
      ]);
      const defaults = await t.eventStore.readStream(managerWalletsStreamId('mgr-default'));
      expect(defaults.map((e) => e.data)).toEqual([
        { managerId: 'mgr-default', walletId: first.body.id },
        { managerId: 'mgr-default', walletId: second.body.id, previousWalletId: first.body.id },
      ]);

      const made = await t.http.post(`/wallets/${third.body.id}/default`).set(as());
      expect(made.status).toBe(200);
      expect((await walletsOf('mgr-default', made.body.position)).map((w) => w.isDefault)).toEqual([false, false, true]);

      const before = await eventCount();
      const again = await t.http.post(`/wallets/${third.body.id}/default`).set(as());
      expect(again.status).toBe(200);
      expect(await eventCount()).toBe(before);
    });

    it('answers a repeated Idempotency-Key as the first time, across all its streams', async () => {
      const body = { name: 'Idempotente', managerId: 'mgr-idem', isDefault: true };
      const first = await create(body, { 'Idempotency-Key': 'wallet-idem-1' });
      const before = await eventCount();
      const again = await create(body, { 'Idempotency-Key': 'wallet-idem-1' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
    });

    it('lets exactly one of several concurrent creations with the same name through', async () => {
      const answers = await Promise.all(['Corrida', 'CORRIDA', 'corrida ', ' Corrida'].map((name, i) => create({ name, managerId: `mgr-race-${i}` })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
      const winner = answers.find((a) => a.status === 201)!;
      const reservations = await t.eventStore.readStream(walletNameStreamId('corrida'));
      expect(reservations.at(-1)?.data.walletId).toBe(winner.body.id);
    });

    it('takes over a name whose wallet was never created, closing that wallet for good', async () => {
      // A creation that reserved its name and crashed before creating the wallet.
      const orphan = randomUUID();
      await t.eventStore.append(walletNameStreamId('Órfã'), [{ id: randomUUID(), type: 'WalletNameReserved', data: { name: 'Órfã', walletId: orphan } }], 'noStream');

      const res = await create({ name: 'órfã', managerId: 'mgr-orphan' });
      expect(res.status).toBe(201);
      const [abandoned] = await t.eventStore.readStream(walletStreamId(orphan));
      expect(abandoned).toMatchObject({ type: 'WalletCreationAbandoned', data: { walletId: orphan, takenOverBy: res.body.id } });
      const names = await t.eventStore.readStream(walletNameStreamId('ÓRFÃ'));
      expect(names.map((e) => e.data)).toEqual([
        { name: 'Órfã', walletId: orphan },
        { name: 'órfã', walletId: res.body.id, takenOverFrom: orphan },
      ]);
    });

    describe('refusals append nothing', () => {
      let before: number;
      beforeEach(async () => {
        before = await eventCount();
      });
      afterEach(async () => {
        expect(await eventCount()).toBe(before);
      });

      it('409 for a duplicate name, ignoring case and surrounding spaces', async () => {
        const res = await create({ name: '  CARTEIRA sul ', managerId: 'someone-else' });
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.detail).toMatch(/already exists/);
      });

      it('404 for an unknown journey', async () => {
        const res = await create({ name: 'Jornada fantasma', managerId: 'mgr', journeyId: randomUUID() });
        expect(res.status).toBe(404);
      });

      it.each([
        ['no name', { managerId: 'mgr' }, 'name'],
        ['a blank name', { name: '   ', managerId: 'mgr' }, 'name'],
        ['a name over 128 characters', { name: 'x'.repeat(129), managerId: 'mgr' }, 'name'],
        ['no manager', { name: 'Carteira' }, 'managerId'],
        ['several managers', { name: 'Carteira', managerId: ['a', 'b'] }, 'managerId'],
        ['a journey id that is not a UUID', { name: 'Carteira', managerId: 'mgr', journeyId: 'j1' }, 'journeyId'],
        ['isDefault as text', { name: 'Carteira', managerId: 'mgr', isDefault: 'yes' }, 'isDefault'],
      ])('400 naming the field for %s', async (_label, body, field) => {
        const res = await create(body);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      });

      it('403 for roles other than admin', async () => {
        for (const role of ['manager', 'broker', 'readonly'] as const) {
          expect((await t.http.post('/wallets').set(as(role)).send({ name: 'Nova', managerId: 'mgr' })).status).toBe(403);
        }
      });

      it('default: 404 for an unknown wallet, 400 for a malformed id', async () => {
        expect((await t.http.post(`/wallets/${randomUUID()}/default`).set(as())).status).toBe(404);
        const malformed = await t.http.post('/wallets/nope/default').set(as());
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
      });

      it('list: 400 for a bad limit or cursor', async () => {
        expect((await t.http.get('/wallets?limit=0').set(as())).status).toBe(400);
        const badCursor = await t.http.get('/wallets?cursor=garbage').set(as());
        expect(badCursor.status).toBe(400);
        expect(badCursor.body.errors[0].field).toBe('cursor');
      });
    });
  });
}
