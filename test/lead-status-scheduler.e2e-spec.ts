import { CommandBus } from '@nestjs/cqrs';
import { customerStreamId } from '@trilha/domain';
import { parsePosition, positionToString, type RecordedEvent } from '@trilha/event-store';
import { LEAD_STATUS_SCHEDULES } from '@trilha/projections/lead-status-schedules';
import { LeadStatusScheduler } from '../apps/api/src/lead-status-scheduler/lead-status-scheduler';
import type { Role } from '../apps/api/src/platform';
import { ReadModels } from '../apps/api/src/read-models/read-models';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import { startTestApp, type TestApp } from './support/test-app';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { TRILHA_CONFIG } from '../apps/api/src/infrastructure/tokens';

const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_TIMEZONE: 'America/Sao_Paulo', TRILHA_SCHEDULER_INTERVAL_MS: '0' };
const START = new Date('2026-03-10T13:00:00Z');
const HOUR = 3600_000;

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

describe('lead status scheduler before the projector has registered its read model (split mode)', () => {
  it('finds nothing due and does not fail', async () => {
    const t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', ...env });
    const unregistered = new SqliteReadStore(':memory:');
    try {
      const scheduler = new LeadStatusScheduler(t.app.get(CommandBus), new ReadModels(unregistered), () => START, t.app.get(TRILHA_CONFIG));
      expect(await scheduler.runDue()).toEqual({ due: 0, appended: 0, failed: 0 });
    } finally {
      await unregistered.close();
      await t.close();
    }
  });
});

/** T14 "happens then": a scheduled lead status change carried out by the scheduler once due. */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`lead status scheduler (T14) ${stores}`, () => {
    let t: TestApp;
    let now: Date;
    let scheduler: LeadStatusScheduler;
    beforeAll(async () => {
      now = START;
      t = await startTestAppOn(environment, { env, clock: () => now });
      scheduler = t.app.get(LeadStatusScheduler);
    });
    afterAll(() => t.close());
    /** Each test starts an hour after the last one's latest schedule, so earlier ones are due or gone. */
    beforeEach(() => {
      now = new Date(now.getTime() + 24 * HOUR);
    });

    const as = (role: Role = 'broker', user = 'user-broker') => ({ Authorization: `Bearer ${t.token(role, user)}` });
    const inHours = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();
    const register = async () => (await t.http.post('/customers').set(as()).send({ name: 'Lia Lead' })).body.id as string;
    const command = async (send: PromiseLike<{ status: number; body: { position: string } }>) => {
      const res = await send;
      expect(res.status).toBeLessThan(300);
      return res.body.position;
    };
    const schedule = (id: string, status: string, at: string) => command(t.http.put(`/customers/${id}/lead-status/schedule`).set(as()).send({ status, at }));
    /** The scheduler reads its own read model: wait until it has seen `position`. */
    const projected = async (position: string) => expect(await t.app.get(ReadModels).waitFor(LEAD_STATUS_SCHEDULES, parsePosition(position)!)).toBe(true);
    const stream = (id: string) => t.eventStore.readStream(customerStreamId(id));
    const ofType = async (id: string, type: string) => (await stream(id)).filter((e) => e.type === type);
    const lastPosition = async (id: string) => positionToString((await stream(id)).slice(-1)[0].position);
    const detail = async (id: string) => (await t.http.get(`/customers/${id}?minPosition=${await lastPosition(id)}`).set(as('readonly'))).body;
    const summaries = async (id: string) =>
      (await t.http.get(`/customers/${id}/timeline?minPosition=${await lastPosition(id)}`).set(as('readonly'))).body.items.map((i: { summary: string }) => i.summary);

    it('changes the lead status once due, as the system, and shows it on the detail and the timeline', async () => {
      const id = await register();
      await projected(await schedule(id, 'sale', inHours(2)));

      expect(await scheduler.runDue()).toEqual({ due: 0, appended: 0, failed: 0 });
      expect(await ofType(id, 'LeadStatusChanged')).toEqual([]);

      now = new Date(now.getTime() + 2 * HOUR);
      expect(await scheduler.runDue()).toMatchObject({ due: 1, appended: 1, failed: 0 });

      const [scheduled] = await ofType(id, 'LeadStatusChangeScheduled');
      const [changed] = await ofType(id, 'LeadStatusChanged');
      expect(changed.data).toEqual({ customerId: id, from: 'new', to: 'sale', scheduleId: scheduled.data.scheduleId });
      expect(changed.metadata).toMatchObject({
        actor: { id: 'trilha-scheduler', role: 'system', kind: 'system' },
        causationId: scheduled.id,
        correlationId: scheduled.metadata.correlationId,
        occurredAt: now.toISOString(),
      });
      expect(await detail(id)).toMatchObject({ leadStatus: 'sale', scheduledLeadStatus: null });
      expect((await summaries(id)).slice(0, 2)).toEqual([
        'Status do lead alterado de Novo para Venda (agendada)',
        `Mudança de status agendada para Venda em ${saoPaulo(scheduled.data.at as string)}`,
      ]);
    });

    it('appends once however often it runs: before and after its read model caught up, and two schedulers at once', async () => {
      const [one, two] = [await register(), await register()];
      await schedule(one, 'in_progress', inHours(1));
      await projected(await schedule(two, 'no_sale', inHours(1)));
      now = new Date(now.getTime() + HOUR);

      // A second scheduler, as in another api process, on the same stores.
      const other = new LeadStatusScheduler(t.app.get(CommandBus), t.app.get(ReadModels), () => now, { ...t.config, schedulerIntervalMs: 0 });
      await Promise.all([scheduler.runDue(), other.runDue()]);
      await scheduler.runDue();
      // Both changes projected: the two schedulers append them in either order.
      await projected(await lastPosition(one));
      await projected(await lastPosition(two));
      expect(await scheduler.runDue()).toEqual({ due: 0, appended: 0, failed: 0 });

      for (const id of [one, two]) expect(await ofType(id, 'LeadStatusChanged')).toHaveLength(1);
      expect((await detail(one)).leadStatus).toBe('in_progress');
      expect((await detail(two)).leadStatus).toBe('no_sale');
    });

    it('cancels the change, saying why, when the lead already has that status', async () => {
      const id = await register();
      await schedule(id, 'in_progress', inHours(1));
      await projected(await command(t.http.post(`/customers/${id}/lead-status`).set(as()).send({ status: 'in_progress' })));
      now = new Date(now.getTime() + HOUR);
      expect(await scheduler.runDue()).toMatchObject({ appended: 1 });

      const [cancelled] = await ofType(id, 'LeadStatusChangeCancelled');
      expect(cancelled.data).toMatchObject({ reason: 'already_in_status' });
      expect(await ofType(id, 'LeadStatusChanged')).toHaveLength(1);
      expect(await detail(id)).toMatchObject({ leadStatus: 'in_progress', scheduledLeadStatus: null });
      expect((await summaries(id))[0]).toMatch(/^Mudança de status agendada para Em progresso em .* cancelada: o lead já estava com esse status$/);
    });

    it('carries out only the change that replaced another, at its own time, and nothing cancelled or of a deleted customer', async () => {
      const [replaced, cancelled, deleted] = [await register(), await register(), await register()];
      await schedule(replaced, 'sale', inHours(1));
      await schedule(replaced, 'no_sale', inHours(3));
      await schedule(cancelled, 'sale', inHours(1));
      await command(t.http.delete(`/customers/${cancelled}/lead-status/schedule`).set(as()));
      await schedule(deleted, 'sale', inHours(1));
      await projected(await command(t.http.delete(`/customers/${deleted}`).set(as('manager', 'user-manager'))));

      now = new Date(now.getTime() + 2 * HOUR);
      expect(await scheduler.runDue()).toEqual({ due: 0, appended: 0, failed: 0 });
      now = new Date(now.getTime() + HOUR);
      expect(await scheduler.runDue()).toEqual({ due: 1, appended: 1, failed: 0 });

      expect((await ofType(replaced, 'LeadStatusChanged')).map((e: RecordedEvent) => e.data.to)).toEqual(['no_sale']);
      expect(await ofType(cancelled, 'LeadStatusChanged')).toEqual([]);
      expect(await ofType(deleted, 'LeadStatusChanged')).toEqual([]);
    });
  });
}

describe('lead status scheduler started with the app (T14)', () => {
  it('runs on its own every interval', async () => {
    let now = START;
    const t = await startTestAppOn(embeddedStores, { env: { ...env, TRILHA_SCHEDULER_INTERVAL_MS: '20' }, clock: () => now });
    try {
      const auth = { Authorization: `Bearer ${t.token('broker', 'user-broker')}` };
      const id = (await t.http.post('/customers').set(auth).send({ name: 'Lia Lead' })).body.id as string;
      await t.http.put(`/customers/${id}/lead-status/schedule`).set(auth).send({ status: 'sale', at: new Date(START.getTime() + HOUR).toISOString() }).expect(200);
      now = new Date(START.getTime() + HOUR);
      let changed: RecordedEvent[] = [];
      for (let attempt = 0; attempt < 500 && changed.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        changed = (await t.eventStore.readStream(customerStreamId(id))).filter((e) => e.type === 'LeadStatusChanged');
      }
      expect(changed.map((e) => e.data.to)).toEqual(['sale']);
    } finally {
      await t.close();
    }
  });
});

/** "12/03/2026 às 14:00" in São Paulo (UTC−3 all year since 2019). */
function saoPaulo(instant: string): string {
  const local = new Date(Date.parse(instant) - 3 * HOUR).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} às ${local.slice(11, 16)}`;
}
