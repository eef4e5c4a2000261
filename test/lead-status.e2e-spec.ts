import { randomUUID } from 'node:crypto';
import { customerStreamId } from '@trilha/domain';
import type { Role } from '../apps/api/src/platform';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';
import { refusalsOn } from './support/refusals';

const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_TIMEZONE: 'America/Sao_Paulo', TRILHA_SCHEDULER_INTERVAL_MS: '0' };
const NOW = new Date('2026-03-10T13:00:00Z');

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/** T14 over HTTP: the lead status by hand, a change scheduled and cancelled, and the refusals. */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`lead status over HTTP (T14) ${stores}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestAppOn(environment, { env, clock: () => NOW });
    });
    afterAll(() => t.close());

    const as = (role: Role = 'broker', user = 'user-broker') => ({ Authorization: `Bearer ${t.token(role, user)}` });
    const register = async () => (await t.http.post('/customers').set(as()).send({ name: 'Lia Lead' })).body.id as string;
    const events = async (customerId: string) => (await t.eventStore.readStream(customerStreamId(customerId))).map((e) => ({ type: e.type, data: e.data }));
    const detail = async (customerId: string, position: string) => (await t.http.get(`/customers/${customerId}?minPosition=${position}`).set(as('readonly'))).body;
    const change = (customerId: string, body: unknown, role: Role = 'broker') => t.http.post(`/customers/${customerId}/lead-status`).set(as(role)).send(body as object);
    const schedule = (customerId: string, body: unknown, role: Role = 'broker', headers: Record<string, string> = {}) =>
      t.http.put(`/customers/${customerId}/lead-status/schedule`).set({ ...as(role), ...headers }).send(body as object);
    const cancel = (customerId: string, role: Role = 'broker') => t.http.delete(`/customers/${customerId}/lead-status/schedule`).set(as(role));

    const refused = refusalsOn(() => t.eventStore);

    it('changes the lead status by hand; the same status again appends nothing', async () => {
      const id = await register();
      const res = await change(id, { status: 'in_progress' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id, revision: '1', position: expect.any(String) });
      const again = await change(id, { status: 'in_progress' });
      expect(again.status).toBe(200);
      expect(again.body.revision).toBe('1');
      expect((await events(id)).slice(1)).toEqual([{ type: 'LeadStatusChanged', data: { customerId: id, from: 'new', to: 'in_progress' } }]);
      expect((await detail(id, res.body.position)).leadStatus).toBe('in_progress');
    });

    it('schedules a change (shown on the detail), replaces it, and cancels it', async () => {
      const id = await register();
      const first = await schedule(id, { status: 'sale', at: '2026-03-12T14:00:00-03:00' });
      expect(first.status).toBe(200);
      expect((await detail(id, first.body.position)).scheduledLeadStatus).toEqual({ to: 'sale', at: '2026-03-12T17:00:00.000Z' });

      const same = await schedule(id, { status: 'sale', at: '2026-03-12T17:00:00Z' });
      expect(same.body.revision).toBe(first.body.revision);

      const second = await schedule(id, { status: 'no_sale', at: '2026-03-20T12:00:00Z' });
      expect((await detail(id, second.body.position)).scheduledLeadStatus).toEqual({ to: 'no_sale', at: '2026-03-20T12:00:00.000Z' });

      const cancelled = await cancel(id);
      expect(cancelled.status).toBe(200);
      const view = await detail(id, cancelled.body.position);
      expect(view.scheduledLeadStatus).toBeNull();
      expect(view.leadStatus).toBe('new');
      const stored = (await events(id)).slice(1);
      expect(stored.map((e) => e.type)).toEqual(['LeadStatusChangeScheduled', 'LeadStatusChangeScheduled', 'LeadStatusChangeCancelled']);
      expect(stored[2].data).toEqual({ customerId: id, scheduleId: stored[1].data.scheduleId });

      const timeline = await t.http.get(`/customers/${id}/timeline?minPosition=${cancelled.body.position}`).set(as('readonly'));
      expect(timeline.body.items.map((i: { summary: string }) => i.summary).slice(0, 3)).toEqual([
        'Mudança de status agendada para Sem venda em 20/03/2026 às 09:00 cancelada',
        'Mudança de status agendada para Sem venda em 20/03/2026 às 09:00',
        'Mudança de status agendada para Venda em 12/03/2026 às 14:00',
      ]);
    });

    it('a retry with the same Idempotency-Key names the same schedule and appends once', async () => {
      const id = await register();
      const key = { 'Idempotency-Key': `schedule-${randomUUID()}` };
      const first = await schedule(id, { status: 'sale', at: '2026-03-12T17:00:00Z' }, 'broker', key);
      const retry = await schedule(id, { status: 'sale', at: '2026-03-12T17:00:00Z' }, 'broker', key);
      expect(retry.body).toEqual(first.body);
      expect((await events(id)).filter((e) => e.type === 'LeadStatusChangeScheduled')).toHaveLength(1);
    });

    it.each([
      ['no status', { at: '2026-03-12T17:00:00Z' }, 'status'],
      ['an unknown status', { status: 'won', at: '2026-03-12T17:00:00Z' }, 'status'],
      ['no instant', { status: 'sale' }, 'at'],
      ['a day instead of an instant', { status: 'sale', at: '2026-03-12' }, 'at'],
      ['an instant without an offset', { status: 'sale', at: '2026-03-12T17:00:00' }, 'at'],
      ['a number as instant', { status: 'sale', at: 1773334800000 }, 'at'],
    ])('refuses a schedule with %s (400 naming the field), appending nothing', async (_label, body, field) => {
      const id = await register();
      await refused(() => schedule(id, body), 400, field);
    });

    it('refuses a schedule in the past, or for now, with 422 naming at, appending nothing', async () => {
      const id = await register();
      await refused(() => schedule(id, { status: 'sale', at: '2026-03-10T12:59:59Z' }), 422, 'at');
      await refused(() => schedule(id, { status: 'sale', at: NOW.toISOString() }), 422, 'at');
    });

    it.each([
      ['no status', {}],
      ['an unknown status', { status: 'ganho' }],
      ['a status in another case', { status: 'SALE' }],
    ])('refuses a change by hand with %s (400 naming status), appending nothing', async (_label, body) => {
      const id = await register();
      await refused(() => change(id, body), 400, 'status');
    });

    it('answers 409 when cancelling with nothing scheduled, appending nothing', async () => {
      const id = await register();
      await refused(() => cancel(id), 409);
    });

    it('answers 404 for an unknown customer on every route, appending nothing', async () => {
      const unknown = randomUUID();
      await refused(() => change(unknown, { status: 'sale' }), 404);
      await refused(() => schedule(unknown, { status: 'sale', at: '2026-03-12T17:00:00Z' }), 404);
      await refused(() => cancel(unknown), 404);
    });

    it('refuses read-only users and auditors with 403, appending nothing', async () => {
      const id = await register();
      for (const role of ['readonly', 'auditor'] as const) {
        await refused(() => change(id, { status: 'sale' }, role), 403);
        await refused(() => schedule(id, { status: 'sale', at: '2026-03-12T17:00:00Z' }, role), 403);
        await refused(() => cancel(id, role), 403);
      }
    });

    it('refuses a deleted customer with 409, appending nothing', async () => {
      const id = await register();
      await schedule(id, { status: 'sale', at: '2026-03-12T17:00:00Z' });
      expect((await t.http.delete(`/customers/${id}`).set(as('manager', 'user-manager'))).status).toBe(200);
      await refused(() => change(id, { status: 'sale' }), 409);
      await refused(() => schedule(id, { status: 'sale', at: '2026-03-13T17:00:00Z' }), 409);
      await refused(() => cancel(id), 409);
    });
  });
}
