import { customerStreamId } from '@trilha/domain';
import { configuredServers, embeddedStores, eventStoreDbDouble, serversConfigured, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

/** 10:00 + minutes on 2026-03-01 (UTC): the fixed clock of each command. */
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 10, minutes));
const UNKNOWN_ID = '7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60';

describeAuditOverHttp('auditor routes over HTTP on the embedded stores (P4)', embeddedStores);
describeAuditOverHttp('auditor routes over HTTP on EventStoreDB (gRPC double) (P4)', eventStoreDbDouble);
if (serversConfigured) {
  describeAuditOverHttp('auditor routes over HTTP on the configured servers (P4)', configuredServers);
}

function describeAuditOverHttp(label: string, environment: StoreEnvironment) {
  describe(label, () => {
    let t: TestApp;
    let now = at(0);
    let id: string;
    let proposalId: string;

    const admin = () => ({ Authorization: `Bearer ${t.token('admin', 'u1', 'Ana Admin')}` });
    const auditor = () => ({ Authorization: `Bearer ${t.token('auditor', 'aud1', 'Olga Auditora')}` });
    const allEvents = () => t.eventStore.readAll({ filter: { streamPrefixes: ['customer-'] } });

    /** Runs a command at `minutes` past 10:00 on 2026-03-01 and expects it to succeed. */
    async function command(minutes: number, method: 'post' | 'patch' | 'put', path: string, body: object = {}, headers: Record<string, string> = {}) {
      now = at(minutes);
      const res = await t.http[method](path).set(admin()).set(headers).send(body);
      expect([200, 201]).toContain(res.status);
      return res.body as { id: string; revision: string; position: string };
    }

    beforeAll(async () => {
      t = await startTestAppOn(environment, { clock: () => now });

      const registered = await command(0, 'post', '/customers', { name: 'Maria Silva', phones: ['+55 11 98888-0000'], temperature: 'cold' }, { 'Idempotency-Key': 'audit-1' });
      id = registered.id;
      // The same key again appends nothing: the chain must not notice it.
      await command(1, 'post', '/customers', { name: 'Maria Silva', phones: ['+55 11 98888-0000'], temperature: 'cold' }, { 'Idempotency-Key': 'audit-1' });
      await command(5, 'patch', `/customers/${id}`, { email: 'maria@example.com' }); // r1
      await command(10, 'post', `/customers/${id}/temperature`, { temperature: 'hot' }); // r2
      await command(15, 'post', `/customers/${id}/temperature/revert`); // r3
      await command(20, 'post', `/customers/${id}/objective`, { objective: 'Comprar apartamento' }); // r4
      await command(25, 'post', `/customers/${id}/product-of-interest`, { productId: 'apto-101' }); // r5
      proposalId = (await command(30, 'post', `/customers/${id}/proposals`, { productId: 'apto-101', amount: '450000.00' })).id; // r6, r7
      await command(35, 'post', `/customers/${id}/proposals/${proposalId}/sale`); // r8, r9
      await command(40, 'post', `/customers/${id}/disinterest`, { reason: 'Mudou de cidade' }); // r10
      await command(45, 'post', `/customers/${id}/comments`, { text: 'Ligar em abril' }); // r11
    });
    afterAll(() => t.close());

    it('history: every event of the stream as stored, oldest first, with revisions, positions and metadata', async () => {
      const res = await t.http.get(`/customers/${id}/history`).set(auditor());
      expect(res.status).toBe(200);
      expect(res.body.streamId).toBe(customerStreamId(id));
      const events = res.body.events as Array<Record<string, any>>;
      expect(events.map((e) => e.type)).toEqual([
        'CustomerRegistered',
        'CustomerDataEdited',
        'TemperatureChanged',
        'TemperatureReverted',
        'ObjectiveChanged',
        'ProductOfInterestChanged',
        'ProposalRegistered',
        'LeadStatusChanged',
        'ProposalMarkedAsSale',
        'LeadStatusChanged',
        'DisinterestInformed',
        'CommentAdded',
      ]);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => String(i)));
      const commits = events.map((e) => BigInt(String(e.position).split('/')[0]));
      expect(commits.every((c, i) => i === 0 || c > commits[i - 1])).toBe(true);
      expect(events.map((e) => e.occurredAt)).toEqual([0, 5, 10, 15, 20, 25, 30, 30, 35, 35, 40, 45].map((m) => at(m).toISOString()));

      const stored = await t.eventStore.readStream(customerStreamId(id));
      expect(events.map((e) => e.eventId)).toEqual(stored.map((e) => e.id));
      expect(events[2]).toEqual({
        streamId: customerStreamId(id),
        eventId: stored[2].id,
        type: 'TemperatureChanged',
        revision: '2',
        position: expect.any(String),
        occurredAt: at(10).toISOString(),
        actor: { id: 'u1', role: 'admin', name: 'Ana Admin', kind: 'user' },
        schemaVersion: 1,
        data: { customerId: id, from: 'cold', to: 'hot' },
        metadata: {
          actor: { id: 'u1', role: 'admin', name: 'Ana Admin', kind: 'user' },
          commandId: expect.any(String),
          correlationId: expect.any(String),
          causationId: expect.any(String),
          occurredAt: at(10).toISOString(),
          schemaVersion: 1,
          integrity: { alg: 'sha256', prev: events[1].metadata.integrity.hash, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        },
      });
      expect(events[6].data).toMatchObject({ proposalId, productId: 'apto-101', amountCents: 45000000 });
    });

    it('state as of a revision: the aggregate right after that event', async () => {
      const hot = await t.http.get(`/customers/${id}/state?revision=2`).set(auditor());
      expect(hot.status).toBe(200);
      expect(hot.body).toEqual({
        revision: '2',
        asOf: at(10).toISOString(),
        state: {
          exists: true,
          customerId: id,
          data: { name: 'Maria Silva', phones: ['+55 11 98888-0000'], email: 'maria@example.com' },
          temperature: 'hot',
          earlierTemperatures: ['cold'],
          leadStatus: 'new',
          proposals: {},
        },
      });
      const reverted = await t.http.get(`/customers/${id}/state?revision=3`).set(auditor());
      expect(reverted.body.state).toMatchObject({ temperature: 'cold', earlierTemperatures: [] });
      const first = await t.http.get(`/customers/${id}/state?revision=0`).set(auditor());
      expect(first.body).toMatchObject({ revision: '0', asOf: at(0).toISOString(), state: { data: { name: 'Maria Silva' }, temperature: 'cold' } });
      expect(first.body.state.data).not.toHaveProperty('email');
    });

    it('state as of an instant: the events that occurred at or before it', async () => {
      const between = await t.http.get(`/customers/${id}/state?asOf=2026-03-01T10:12:00Z`).set(auditor());
      expect(between.status).toBe(200);
      expect(between.body).toMatchObject({ revision: '2', asOf: '2026-03-01T10:12:00.000Z', state: { temperature: 'hot' } });

      // Both events of the proposal command occurred at 10:30; an offset is honoured.
      const exactly = await t.http.get(`/customers/${id}/state`).query({ asOf: '2026-03-01T07:30:00-03:00' }).set(admin());
      expect(exactly.body).toMatchObject({ revision: '7', asOf: '2026-03-01T10:30:00.000Z', state: { leadStatus: 'in_progress' } });
      expect(exactly.body.state.proposals).toEqual({ [proposalId]: { productId: 'apto-101', amountCents: 45000000, status: 'open' } });

      const later = await t.http.get(`/customers/${id}/state?asOf=2027-01-01T00:00:00Z`).set(auditor());
      expect(later.body).toMatchObject({
        revision: '11',
        state: { objective: 'Comprar apartamento', productOfInterestId: 'apto-101', leadStatus: 'sale', disinterestReason: 'Mudou de cidade' },
      });
      expect(later.body.state.proposals[proposalId].status).toBe('sold');
    });

    it('state: 404 before the customer was registered, or at a revision the stream has not reached', async () => {
      const before = await t.http.get(`/customers/${id}/state?asOf=2026-03-01T09:59:59Z`).set(auditor());
      expect(before.status).toBe(404);
      expect(before.headers['content-type']).toMatch(/application\/problem\+json/);
      const ahead = await t.http.get(`/customers/${id}/state?revision=12`).set(auditor());
      expect(ahead.status).toBe(404);
    });

    it('verify: the chain of an untouched stream checks out, with its head hash', async () => {
      const history = await t.http.get(`/customers/${id}/history`).set(auditor());
      const res = await t.http.get(`/customers/${id}/verify`).set(auditor());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, events: 12, verified: 12, unchained: 0, headHash: history.body.events[11].metadata.integrity.hash });
    });

    it('verify every customer stream at once', async () => {
      const other = await command(50, 'post', '/customers', { name: 'Outro Cliente' });
      const res = await t.http.get('/audit/verify').set(auditor());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, streams: 2, events: 13, unchained: 0, bad: [] });
      expect(other.revision).toBe('0');
    });

    describe('refusals', () => {
      let before: number;
      beforeEach(async () => {
        before = (await allEvents()).length;
      });
      afterEach(async () => {
        expect((await allEvents()).length).toBe(before);
      });

      const routes = (customerId: string) => [`/customers/${customerId}/history`, `/customers/${customerId}/state?revision=0`, `/customers/${customerId}/verify`];

      it('401 without a token or with a bad one', async () => {
        for (const route of [...routes(id), '/audit/verify']) {
          const none = await t.http.get(route);
          const bad = await t.http.get(route).set('Authorization', 'Bearer not.a.token');
          expect([none.status, bad.status]).toEqual([401, 401]);
          expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
        }
      });

      it.each(['manager', 'broker', 'readonly'] as const)('403 for the %s role', async (role) => {
        for (const route of [...routes(id), '/audit/verify']) {
          const res = await t.http.get(route).set('Authorization', `Bearer ${t.token(role, 'u5')}`);
          expect(res.status).toBe(403);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }
      });

      it('400 naming id for a malformed customer id, 404 for an unknown one', async () => {
        for (const route of routes('not-a-uuid')) {
          const res = await t.http.get(route).set(auditor());
          expect(res.status).toBe(400);
          expect(res.body.errors[0].field).toBe('id');
        }
        for (const route of routes(UNKNOWN_ID)) {
          const res = await t.http.get(route).set(auditor());
          expect(res.status).toBe(404);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }
      });

      it.each([
        ['neither asOf nor revision', '', ['asOf', 'revision']],
        ['both asOf and revision', '?asOf=2026-03-01T10:00:00Z&revision=1', ['asOf', 'revision']],
        ['an instant without an offset', '?asOf=2026-03-01T10:00:00', ['asOf']],
        ['a date that is no instant', '?asOf=yesterday', ['asOf']],
        ['an impossible instant', '?asOf=2026-02-30T10:00:00Z', ['asOf']],
        ['a negative revision', '?revision=-1', ['revision']],
        ['a fractional revision', '?revision=1.5', ['revision']],
        ['a revision that is no number', '?revision=abc', ['revision']],
        ['an empty revision', '?revision=', ['revision']],
        ['an unknown parameter', '?revision=1&at=now', ['at']],
      ])('state: 400 naming the field for %s', async (_label, query, fields) => {
        const res = await t.http.get(`/customers/${id}/state${query}`).set(auditor());
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
      });
    });

    it('history: also the wallet and appointment events about the customer, in global order', async () => {
      const journey = await command(50, 'post', '/journeys', { name: 'Pós-venda', steps: [{ name: 'Boas-vindas', milestones: [{ name: 'Ligar', days: 2 }] }] });
      const wallet = await command(50, 'post', '/wallets', { name: 'Carteira Auditoria', managerId: 'mgr-1', journeyId: journey.id });
      const other = await command(51, 'post', '/customers', { name: 'Outro Cliente' });
      await command(52, 'put', `/customers/${id}/wallet`, { walletId: wallet.id });
      await command(52, 'put', `/customers/${other.id}/wallet`, { walletId: wallet.id });
      const appointment = await command(53, 'post', '/appointments', { customerId: id, scheduledFor: at(24 * 60).toISOString() });
      await command(53, 'post', '/appointments', { customerId: other.id, scheduledFor: at(24 * 60).toISOString() });
      await command(54, 'post', `/customers/${id}/comments`, { text: 'Visita marcada' });
      await command(55, 'post', `/appointments/${appointment.id}/confirm`);

      const res = await t.http.get(`/customers/${id}/history`).set(auditor());
      expect(res.status).toBe(200);
      const events = res.body.events as Array<{ streamId: string; type: string; position: string; data: Record<string, unknown> }>;
      expect(events.slice(12).map((e) => [e.streamId, e.type])).toEqual([
        [`customerjourney-${id}`, 'CustomerPlacedInWallet'],
        [`customerappointments-${id}`, 'CustomerAppointmentListed'],
        [`appointment-${appointment.id}`, 'AppointmentScheduled'],
        [customerStreamId(id), 'CommentAdded'],
        [`appointment-${appointment.id}`, 'AppointmentConfirmed'],
      ]);
      // Nothing about the other customer, and every event names this one.
      expect(events.every((e) => e.data.customerId === undefined || e.data.customerId === id)).toBe(true);
      const commits = events.map((e) => BigInt(e.position.split('/')[0]));
      expect(commits.every((c, i) => i === 0 || c > commits[i - 1])).toBe(true);

      // Every stream the commands wrote (journeys, wallets, name reservations, indexes …) is chained.
      const all = await t.http.get('/audit/verify').set(auditor());
      expect(all.body).toMatchObject({ ok: true, unchained: 0, bad: [] });
      expect(all.body.streams).toBeGreaterThanOrEqual(9);
    });
  });
}
