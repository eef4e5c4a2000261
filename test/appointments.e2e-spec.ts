import { appointmentStreamId, customerAppointmentsStreamId } from '@trilha/domain';
import { positionToString } from '@trilha/event-store';
import { configuredServers, embeddedStores, eventStoreDbDouble, serversConfigured, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

/** The fixed "now" of these tests: scheduling is allowed only after it. */
const NOW = new Date('2026-03-01T12:00:00.000Z');
const UNKNOWN_ID = '7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60';

describeAppointmentsOverHttp('appointments over HTTP on the embedded stores (AS2–AS6)', embeddedStores);
describeAppointmentsOverHttp('appointments over HTTP on EventStoreDB (gRPC double) (AS2–AS6)', eventStoreDbDouble);
if (serversConfigured) {
  describeAppointmentsOverHttp('appointments over HTTP on the configured servers (AS2–AS6)', configuredServers);
}

function describeAppointmentsOverHttp(label: string, environment: StoreEnvironment) {
  describe(label, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestAppOn(environment, { clock: () => NOW });
    });
    afterAll(() => t.close());

    const as = (role: Parameters<TestApp['token']>[0] = 'admin', user = 'u1') => ({ Authorization: `Bearer ${t.token(role, user)}` });
    const typesIn = async (appointmentId: string) => (await t.eventStore.readStream(appointmentStreamId(appointmentId))).map((e) => e.type);
    const appointmentEvents = () => t.eventStore.readAll({ filter: { streamPrefixes: ['appointment-', 'customerappointments-'] } });

    /** With `brokerId`, the customer is in that broker's portfolio (brokers act only there). */
    async function registerCustomer(name = 'Carlos Cliente', brokerId?: string): Promise<string> {
      const res = await t.http.post('/customers').set(as()).send({ name, ...(brokerId ? { brokerId } : {}) });
      expect(res.status).toBe(201);
      return res.body.id;
    }

    async function schedule(customerId: string, scheduledFor: string, extra: Record<string, unknown> = {}, headers = as()): Promise<string> {
      const res = await t.http.post('/appointments').set(headers).send({ customerId, scheduledFor, ...extra });
      expect(res.status).toBe(201);
      return res.body.id;
    }

    const post = (path: string, body?: object, headers = as()) => t.http.post(path).set(headers).send(body);

    it('schedules for an existing customer: 201, the instant in UTC, the actor as responsible, service by default (AS2)', async () => {
      const customerId = await registerCustomer('Carlos Cliente', 'broker-7');
      const res = await t.http.post('/appointments').set(as('broker', 'broker-7')).send({ customerId, scheduledFor: '2026-03-10T10:30:00-03:00' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), revision: '0', position: expect.stringMatching(/^\d+(\/\d+)?$/) });

      const [event] = await t.eventStore.readStream(appointmentStreamId(res.body.id));
      expect(event.type).toBe('AppointmentScheduled');
      expect(event.data).toEqual({ appointmentId: res.body.id, customerId, scheduledFor: '2026-03-10T13:30:00.000Z', responsibleId: 'broker-7', kind: 'service' });
      expect(event.metadata).toMatchObject({ actor: { id: 'broker-7', role: 'broker', kind: 'user' }, occurredAt: NOW.toISOString(), schemaVersion: 1 });

      const index = await t.eventStore.readStream(customerAppointmentsStreamId(customerId));
      expect(index.map((e) => [e.type, e.data])).toEqual([['CustomerAppointmentListed', { customerId, appointmentId: res.body.id }]]);
    });

    it('takes a responsible user, a kind and notes', async () => {
      const customerId = await registerCustomer();
      const id = await schedule(customerId, '2026-03-11T09:00:00Z', { responsibleId: 'u2', kind: 'follow_up', notes: 'Ligar sobre a revisão' });
      const [event] = await t.eventStore.readStream(appointmentStreamId(id));
      expect(event.data).toMatchObject({ responsibleId: 'u2', kind: 'follow_up', notes: 'Ligar sobre a revisão' });
    });

    it('answers a repeated Idempotency-Key as the first time and appends nothing new', async () => {
      const customerId = await registerCustomer();
      const body = { customerId, scheduledFor: '2026-03-12T09:00:00Z' };
      const first = await t.http.post('/appointments').set(as()).set('Idempotency-Key', 'schedule-idem-1').send(body);
      const again = await t.http.post('/appointments').set(as()).set('Idempotency-Key', 'schedule-idem-1').send(body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await typesIn(first.body.id)).toEqual(['AppointmentScheduled']);
      expect(await t.eventStore.readStream(customerAppointmentsStreamId(customerId))).toHaveLength(1);
    });

    it('confirms, reschedules (awaiting confirmation again), confirms and marks success (AS3, AS4, AS6)', async () => {
      const id = await schedule(await registerCustomer(), '2026-03-10T13:00:00Z');
      const confirmed = await post(`/appointments/${id}/confirm`);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ id, revision: '1', position: expect.any(String) });

      const moved = await post(`/appointments/${id}/reschedule`, { scheduledFor: '2026-03-12T14:00:00-03:00' });
      expect(moved.status).toBe(200);
      expect(moved.body.revision).toBe('2');
      expect((await post(`/appointments/${id}/confirm`)).status).toBe(200);
      expect((await post(`/appointments/${id}/success`)).status).toBe(200);

      const events = await t.eventStore.readStream(appointmentStreamId(id));
      expect(events.map((e) => e.type)).toEqual(['AppointmentScheduled', 'AppointmentConfirmed', 'AppointmentRescheduled', 'AppointmentConfirmed', 'AppointmentSucceeded']);
      expect(events[2].data).toMatchObject({ from: '2026-03-10T13:00:00.000Z', scheduledFor: '2026-03-12T17:00:00.000Z' });
    });

    it('appends nothing when rescheduled to the same instant', async () => {
      const id = await schedule(await registerCustomer(), '2026-03-10T13:00:00Z');
      const res = await post(`/appointments/${id}/reschedule`, { scheduledFor: '2026-03-10T10:00:00-03:00' });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe('0');
      expect(await typesIn(id)).toEqual(['AppointmentScheduled']);
    });

    it('marks lost with a reason (AS5)', async () => {
      const id = await schedule(await registerCustomer(), '2026-03-10T13:00:00Z');
      const res = await post(`/appointments/${id}/lost`, { reason: 'Não atende o telefone' });
      expect(res.status).toBe(200);
      const events = await t.eventStore.readStream(appointmentStreamId(id));
      expect(events[1]).toMatchObject({ type: 'AppointmentLost', data: { appointmentId: id, reason: 'Não atende o telefone' } });
      expect(events[1].data).not.toHaveProperty('loseFutureCycle');
    });

    describe('losing the future cycle (AS5)', () => {
      let customerId: string;
      let lostOne: string;
      let later: string;
      let justBefore: string;
      let earlier: string;
      let alreadyDone: string;
      let otherCustomers: string;
      let answer: { id: string; revision: string; position: string };

      beforeAll(async () => {
        customerId = await registerCustomer('Cliente que vendeu o carro');
        lostOne = await schedule(customerId, '2026-03-10T13:00:00Z');
        later = await schedule(customerId, '2026-06-10T13:00:00Z');
        earlier = await schedule(customerId, '2026-03-05T13:00:00Z');
        alreadyDone = await schedule(customerId, '2026-09-10T13:00:00Z');
        await post(`/appointments/${alreadyDone}/success`);
        otherCustomers = await schedule(await registerCustomer('Outro cliente'), '2026-06-10T13:00:00Z');
        // Scheduled just before the loss: it must be found all the same.
        justBefore = await schedule(customerId, '2026-12-10T13:00:00Z');
        const res = await post(`/appointments/${lostOne}/lost`, { reason: 'Vendeu o veículo', loseFutureCycle: true }, as('manager', 'm1'));
        expect(res.status).toBe(200);
        answer = res.body;
      });

      it('loses the open appointments of the customer scheduled later, each on its own stream', async () => {
        expect((await t.eventStore.readStream(appointmentStreamId(lostOne)))[1].data).toMatchObject({ reason: 'Vendeu o veículo', loseFutureCycle: true });
        for (const id of [later, justBefore]) {
          const events = await t.eventStore.readStream(appointmentStreamId(id));
          expect(events.map((e) => e.type)).toEqual(['AppointmentScheduled', 'AppointmentLost']);
          expect(events[1].data).toEqual({ appointmentId: id, customerId, reason: 'Vendeu o veículo', cycleOf: lostOne });
          expect(events[1].metadata).toMatchObject({ actor: { id: 'm1', role: 'manager' } });
        }
      });

      it('leaves earlier, closed and other customers’ appointments alone', async () => {
        expect(await typesIn(earlier)).toEqual(['AppointmentScheduled']);
        expect(await typesIn(alreadyDone)).toEqual(['AppointmentScheduled', 'AppointmentSucceeded']);
        expect(await typesIn(otherCustomers)).toEqual(['AppointmentScheduled']);
      });

      it('answers with the position of its last write, so the calendar can be read after all of it', async () => {
        const [lastLoss] = await t.eventStore.readStream(appointmentStreamId(justBefore), { direction: 'backwards', limit: 1 });
        expect(answer).toEqual({ id: lostOne, revision: '1', position: positionToString(lastLoss.position) });
        const day = await t.http.get(`/calendar/2026-12-10?minPosition=${answer.position}`).set(as());
        expect(day.body.actions).toEqual([expect.objectContaining({ id: justBefore, status: 'lost', done: true })]);
      });

      it('is refused to a broker, appending nothing', async () => {
        // The broker's own customer: elsewhere a broker gets 404 before the role rule is reached.
        const id = await schedule(await registerCustomer('Carlos Cliente', 'b1'), '2026-03-20T13:00:00Z');
        const before = (await appointmentEvents()).length;
        const res = await post(`/appointments/${id}/lost`, { reason: 'Vendeu o veículo', loseFutureCycle: true }, as('broker', 'b1'));
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect((await appointmentEvents()).length).toBe(before);
      });

      it('repeated with the same Idempotency-Key, appends nothing new', async () => {
        const c = await registerCustomer();
        const first = await schedule(c, '2026-04-01T13:00:00Z');
        const second = await schedule(c, '2026-05-01T13:00:00Z');
        const send = () => t.http.post(`/appointments/${first}/lost`).set(as('manager', 'm1')).set('Idempotency-Key', 'cycle-idem-1').send({ reason: 'Mudou de cidade', loseFutureCycle: true });
        const once = await send();
        const before = (await appointmentEvents()).length;
        const again = await send();
        expect(again.status).toBe(200);
        expect(again.body).toEqual(once.body);
        expect((await appointmentEvents()).length).toBe(before);
        expect(await typesIn(second)).toEqual(['AppointmentScheduled', 'AppointmentLost']);
      });
    });

    describe('refusals append nothing', () => {
      let customerId: string;
      let scheduled: string;
      let confirmed: string;
      let succeeded: string;
      let lost: string;
      let before: number;

      beforeAll(async () => {
        customerId = await registerCustomer();
        scheduled = await schedule(customerId, '2026-03-10T13:00:00Z');
        confirmed = await schedule(customerId, '2026-03-11T13:00:00Z');
        await post(`/appointments/${confirmed}/confirm`);
        succeeded = await schedule(customerId, '2026-03-12T13:00:00Z');
        await post(`/appointments/${succeeded}/success`);
        lost = await schedule(customerId, '2026-03-13T13:00:00Z');
        await post(`/appointments/${lost}/lost`, { reason: 'Desistiu' });
      });
      beforeEach(async () => {
        before = (await appointmentEvents()).length;
      });
      afterEach(async () => {
        expect((await appointmentEvents()).length).toBe(before);
      });

      it('401 without a token, 403 for a read-only user', async () => {
        const none = await t.http.post('/appointments').send({ customerId, scheduledFor: '2026-03-10T13:00:00Z' });
        expect(none.status).toBe(401);
        const readonly = await post('/appointments', { customerId, scheduledFor: '2026-03-10T13:00:00Z' }, as('readonly', 'r1'));
        expect(readonly.status).toBe(403);
        const auditor = await post(`/appointments/${scheduled}/confirm`, undefined, as('auditor', 'a1'));
        expect(auditor.status).toBe(403);
      });

      it.each([
        ['a missing customerId', { customerId: undefined, scheduledFor: '2026-03-10T13:00:00Z' }, 'customerId'],
        ['a customerId that is not a UUID', { customerId: 'carlos', scheduledFor: '2026-03-10T13:00:00Z' }, 'customerId'],
        ['a missing scheduledFor', {}, 'scheduledFor'],
        ['a date without a time', { scheduledFor: '2026-03-10' }, 'scheduledFor'],
        ['a time without an offset', { scheduledFor: '2026-03-10T13:00:00' }, 'scheduledFor'],
        ['an impossible date', { scheduledFor: '2026-02-30T13:00:00Z' }, 'scheduledFor'],
        ['a number', { scheduledFor: 1773147600000 }, 'scheduledFor'],
        ['an unknown kind', { scheduledFor: '2026-03-10T13:00:00Z', kind: 'party' }, 'kind'],
        ['an empty responsibleId', { scheduledFor: '2026-03-10T13:00:00Z', responsibleId: '' }, 'responsibleId'],
        ['notes over 4000 characters', { scheduledFor: '2026-03-10T13:00:00Z', notes: 'x'.repeat(4001) }, 'notes'],
        ['an unknown field', { scheduledFor: '2026-03-10T13:00:00Z', status: 'confirmed' }, 'status'],
      ])('POST /appointments: 400 naming the field for %s', async (_label, body, field) => {
        const res = await post('/appointments', { customerId, ...body });
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      });

      it('POST /appointments: 404 for an unknown customer', async () => {
        const res = await post('/appointments', { customerId: UNKNOWN_ID, scheduledFor: '2026-03-10T13:00:00Z' });
        expect(res.status).toBe(404);
        expect(await t.eventStore.readStream(customerAppointmentsStreamId(UNKNOWN_ID))).toEqual([]);
      });

      it('POST /appointments: 422 for an instant that is not in the future', async () => {
        for (const scheduledFor of ['2026-02-28T13:00:00Z', NOW.toISOString()]) {
          const res = await post('/appointments', { customerId, scheduledFor });
          expect(res.status).toBe(422);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(res.body.errors).toEqual([expect.objectContaining({ field: 'scheduledFor' })]);
        }
        expect(await t.eventStore.readStream(customerAppointmentsStreamId(customerId))).toHaveLength(4);
      });

      it.each(['confirm', 'success'])('POST /appointments/:id/%s: 400 for a malformed id, 404 for an unknown one', async (action) => {
        const malformed = await post(`/appointments/not-a-uuid/${action}`);
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('id');
        expect((await post(`/appointments/${UNKNOWN_ID}/${action}`)).status).toBe(404);
      });

      it('reschedule and lost: 404 for an unknown appointment', async () => {
        expect((await post(`/appointments/${UNKNOWN_ID}/reschedule`, { scheduledFor: '2026-03-20T13:00:00Z' })).status).toBe(404);
        expect((await post(`/appointments/${UNKNOWN_ID}/lost`, { reason: 'x' })).status).toBe(404);
        expect(await t.eventStore.readStream(appointmentStreamId(UNKNOWN_ID))).toEqual([]);
      });

      it.each([
        ['a missing scheduledFor', {}, 'scheduledFor'],
        ['a time without an offset', { scheduledFor: '2026-03-20 13:00' }, 'scheduledFor'],
        ['an unknown field', { scheduledFor: '2026-03-20T13:00:00Z', reason: 'x' }, 'reason'],
      ])('reschedule: 400 naming the field for %s', async (_label, body, field) => {
        const res = await post(`/appointments/${scheduled}/reschedule`, body);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      });

      it.each([
        ['a missing reason', {}, 'reason'],
        ['a blank reason', { reason: '   ' }, 'reason'],
        ['a too long reason', { reason: 'x'.repeat(257) }, 'reason'],
        ['a loseFutureCycle that is not a boolean', { reason: 'x', loseFutureCycle: 'yes' }, 'loseFutureCycle'],
      ])('lost: 400 naming the field for %s', async (_label, body, field) => {
        const res = await post(`/appointments/${scheduled}/lost`, body);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      });

      it('reschedule: 422 for an instant in the past', async () => {
        const res = await post(`/appointments/${scheduled}/reschedule`, { scheduledFor: '2026-02-01T13:00:00Z' });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'scheduledFor' })]);
        expect(await typesIn(scheduled)).toEqual(['AppointmentScheduled']);
      });

      it.each([
        ['confirm', 'an already confirmed', () => confirmed, undefined],
        ['confirm', 'a success', () => succeeded, undefined],
        ['confirm', 'a lost', () => lost, undefined],
        ['reschedule', 'a success', () => succeeded, { scheduledFor: '2026-03-20T13:00:00Z' }],
        ['reschedule', 'a lost', () => lost, { scheduledFor: '2026-03-20T13:00:00Z' }],
        ['success', 'a success', () => succeeded, undefined],
        ['success', 'a lost', () => lost, undefined],
        ['lost', 'a success', () => succeeded, { reason: 'x' }],
        ['lost', 'a lost', () => lost, { reason: 'x' }],
      ] as const)('%s: 422 for %s appointment, its stream unchanged', async (action, _status, id, body) => {
        const streamBefore = await typesIn(id());
        const res = await post(`/appointments/${id()}/${action}`, body);
        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(await typesIn(id())).toEqual(streamBefore);
      });

      it('409 for a stale If-Match revision', async () => {
        const res = await t.http.post(`/appointments/${scheduled}/confirm`).set(as()).set('If-Match', '"5"').send();
        expect(res.status).toBe(409);
        expect(await typesIn(scheduled)).toEqual(['AppointmentScheduled']);
      });
    });
  });
}
