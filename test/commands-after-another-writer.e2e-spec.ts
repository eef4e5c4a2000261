import { appointmentStreamId, customerStreamId, sealAppend } from '@trilha/domain';
import { v4 as uuid } from 'uuid';
import { embeddedStores, eventStoreDbDouble, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

/** The fixed "now" of these tests: appointments are scheduled after it. */
const NOW = new Date('2026-03-01T12:00:00.000Z');

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB (gRPC double)', eventStoreDbDouble);

/**
 * ADR 0026: a command on a stream this api process has cached appends without reading it first.
 * Another process (another api instance on EventStoreDB, here an append straight to the store)
 * may have written meanwhile: the command must still be decided on what the stream holds.
 */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`commands after another process wrote to the stream ${stores}`, () => {
    let t: TestApp;
    // An admin: no portfolio check reads the customer's stream before the command does.
    let auth: Record<string, string>;

    beforeAll(async () => {
      t = await startTestAppOn(environment, { clock: () => NOW });
      auth = { Authorization: `Bearer ${t.token('admin', 'u1', 'Ana Admin')}` };
    });
    afterAll(() => t.close());

    const post = (path: string, body?: object) => t.http.post(path).set(auth).send(body);
    const register = async (body: Record<string, unknown> = {}) => {
      const res = await post('/customers', { name: 'Ana Souza', ...body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const stream = (id: string) => t.eventStore.readStream(customerStreamId(id));

    /** Another process's append: sealed onto the stream's tail, expecting its revision, as its pipeline would. */
    async function appendByAnotherProcess(streamId: string, type: string, data: Record<string, unknown>): Promise<void> {
      const events = await t.storedEventStore.readStream(streamId);
      const tail = events[events.length - 1];
      const metadata = { actor: { id: 'u9', role: 'admin', kind: 'user' as const }, commandId: uuid(), occurredAt: NOW.toISOString(), schemaVersion: 1 };
      await t.storedEventStore.append(streamId, sealAppend(streamId, tail, [{ id: uuid(), type, data, metadata }]), tail.revision);
    }
    const changedByAnother = (id: string, from: string, to: string) => appendByAnotherProcess(customerStreamId(id), 'TemperatureChanged', { customerId: id, from, to });

    it('appends on the stream as it is, not on the state cached before the other write', async () => {
      const id = await register({ temperature: 'cold' });
      expect((await post(`/customers/${id}/temperature`, { temperature: 'warm' })).status).toBe(200);
      await changedByAnother(id, 'warm', 'hot');

      const res = await post(`/customers/${id}/temperature`, { temperature: 'cold' });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe('3');
      expect((await stream(id))[3].data).toMatchObject({ from: 'hot', to: 'cold' });
      expect((await t.http.get(`/customers/${id}/verify`).set(auth)).body).toMatchObject({ ok: true, events: 4 });
    });

    it('answers a no-op when the other write already did it, though the cached state would have appended', async () => {
      const id = await register({ temperature: 'cold' });
      await post(`/customers/${id}/temperature`, { temperature: 'warm' });
      await changedByAnother(id, 'warm', 'hot');

      const res = await post(`/customers/${id}/temperature`, { temperature: 'hot' });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe('2');
      expect(await stream(id)).toHaveLength(3);
    });

    it('appends when the other write undid what the cached state would have answered as a no-op', async () => {
      const id = await register({ temperature: 'cold' });
      await post(`/customers/${id}/temperature`, { temperature: 'warm' });
      await changedByAnother(id, 'warm', 'hot');

      const res = await post(`/customers/${id}/temperature`, { temperature: 'warm' });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe('3');
      expect((await stream(id))[3].data).toMatchObject({ from: 'hot', to: 'warm' });
    });

    it('does not answer 409 from the cached state when the other write made the command possible', async () => {
      const id = await register({ temperature: 'cold' });
      // Nothing to revert to, as cached.
      expect((await post(`/customers/${id}/temperature/revert`)).status).toBe(409);
      await changedByAnother(id, 'cold', 'hot');

      const res = await post(`/customers/${id}/temperature/revert`);
      expect(res.status).toBe(200);
      expect((await stream(id))[2]).toMatchObject({ type: 'TemperatureReverted', data: { from: 'hot', to: 'cold' } });
    });

    it('does not answer 422 from the cached state when the other write made the command possible', async () => {
      const customerId = await register();
      const scheduled = await post('/appointments', { customerId, scheduledFor: '2026-03-10T13:00:00Z' });
      expect(scheduled.status).toBe(201);
      const appointmentId = scheduled.body.id as string;
      expect((await post(`/appointments/${appointmentId}/confirm`)).status).toBe(200);
      expect((await post(`/appointments/${appointmentId}/confirm`)).status).toBe(422);
      // Rescheduled by another process: it awaits confirmation again.
      await appendByAnotherProcess(appointmentStreamId(appointmentId), 'AppointmentRescheduled', {
        appointmentId,
        customerId,
        from: '2026-03-10T13:00:00.000Z',
        scheduledFor: '2026-03-11T13:00:00.000Z',
      });

      const res = await post(`/appointments/${appointmentId}/confirm`);
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe('3');
      expect((await t.eventStore.readStream(appointmentStreamId(appointmentId))).map((e) => e.type)).toEqual([
        'AppointmentScheduled', 'AppointmentConfirmed', 'AppointmentRescheduled', 'AppointmentConfirmed',
      ]);
    });

    it('refuses a customer another process deleted, appending nothing', async () => {
      const id = await register({ temperature: 'cold' });
      await post(`/customers/${id}/temperature`, { temperature: 'warm' });
      await appendByAnotherProcess(customerStreamId(id), 'CustomerDeleted', { customerId: id });

      const res = await post(`/customers/${id}/temperature`, { temperature: 'hot' });
      expect(res.status).toBe(409);
      expect((await stream(id)).map((e) => e.type)).toEqual(['CustomerRegistered', 'TemperatureChanged', 'CustomerDeleted']);
    });
  });
}
