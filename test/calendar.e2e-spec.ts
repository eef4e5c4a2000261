import { rebuildAndWaitForSwitch } from './support/rebuild';
import { startTestApp, type TestApp } from './support/test-app';

/** A fixed clock and fixed data: the colors depend on them only. */
const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('calendar over HTTP (CAL2, CAL3)', () => {
  let t: TestApp;
  let customerId: string;
  let lastPosition: string;
  const ids: Record<string, string> = {};

  const as = (role: Parameters<TestApp['token']>[0] = 'admin', user = 'u1') => ({ Authorization: `Bearer ${t.token(role, user)}` });
  const get = (path: string) => t.http.get(path).set(as('readonly', 'viewer'));

  async function command(path: string, body?: object): Promise<string> {
    const res = await t.http.post(path).set(as()).send(body);
    expect([200, 201]).toContain(res.status);
    lastPosition = res.body.position;
    return res.body.id;
  }

  async function schedule(name: string, scheduledFor: string, responsibleId = 'u1', extra: object = {}) {
    ids[name] = await command('/appointments', { customerId, scheduledFor, responsibleId, ...extra });
  }

  beforeAll(async () => {
    // The days below are São Paulo's, the default zone, whatever the shell running the tests says.
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: '' }, { clock: () => NOW });
    customerId = await command('/customers', { name: 'Paula Pereira' });

    // 2026-03-09 (São Paulo): nothing done → red
    await schedule('mon1', '2026-03-09T12:00:00Z');
    await schedule('mon2', '2026-03-09T15:00:00Z', 'u1', { kind: 'follow_up', notes: 'Perguntar da revisão\nsegunda linha' });
    // 2026-03-10: one of three done → orange; and u2's action, only in everyone's view
    await schedule('tue1', '2026-03-10T12:00:00Z');
    await schedule('tue2', '2026-03-10T13:00:00Z', 'u1', { kind: 'visit' });
    await schedule('tue3', '2026-03-10T14:00:00Z');
    await schedule('tueU2', '2026-03-10T15:00:00Z', 'u2');
    await command(`/appointments/${ids.tue2}/confirm`);
    // 2026-03-11: all done, each way → green; 01:30 UTC on the 12th is 22:30 on the 11th in São Paulo
    await schedule('wed1', '2026-03-11T12:00:00Z');
    await schedule('wed2', '2026-03-11T13:00:00Z');
    await schedule('wedLate', '2026-03-12T01:30:00Z');
    await command(`/appointments/${ids.wed1}/confirm`);
    await command(`/appointments/${ids.wed2}/success`);
    await command(`/appointments/${ids.wedLate}/lost`, { reason: 'Desistiu' });
    // Confirmed, then moved from the 9th to the 13th: on its new day, not done.
    await schedule('moved', '2026-03-09T18:00:00Z');
    await command(`/appointments/${ids.moved}/confirm`);
    await command(`/appointments/${ids.moved}/reschedule`, { scheduledFor: '2026-03-13T10:00:00-03:00' });
  });
  afterAll(() => t.close());

  it('colors each day of one owner: red when none, orange when some, green when all are done', async () => {
    const res = await get(`/calendar?from=2026-03-01&to=2026-03-31&ownerId=u1&minPosition=${lastPosition}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      days: [
        { date: '2026-03-09', total: 2, done: 0, color: 'red' },
        { date: '2026-03-10', total: 3, done: 1, color: 'orange' },
        { date: '2026-03-11', total: 3, done: 3, color: 'green' },
        { date: '2026-03-13', total: 1, done: 0, color: 'red' },
      ],
    });
  });

  it('counts everyone’s actions without ownerId, and nobody’s for an owner without any', async () => {
    const everyone = await get(`/calendar?from=2026-03-10&to=2026-03-10&minPosition=${lastPosition}`);
    expect(everyone.body).toEqual({ days: [{ date: '2026-03-10', total: 4, done: 1, color: 'orange' }] });
    const u2 = await get('/calendar?from=2026-03-01&to=2026-03-31&ownerId=u2');
    expect(u2.body).toEqual({ days: [{ date: '2026-03-10', total: 1, done: 0, color: 'red' }] });
    const nobody = await get('/calendar?from=2026-03-01&to=2026-03-31&ownerId=someone-else');
    expect(nobody.body).toEqual({ days: [] });
  });

  it('keeps to the days asked for, in the configured time zone', async () => {
    const res = await get(`/calendar?from=2026-03-11&to=2026-03-12&ownerId=u1&minPosition=${lastPosition}`);
    expect(res.body).toEqual({ days: [{ date: '2026-03-11', total: 3, done: 3, color: 'green' }] });
  });

  it('lists a day’s actions in time order, with title, status and done', async () => {
    const res = await get(`/calendar/2026-03-09?ownerId=u1&minPosition=${lastPosition}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      date: '2026-03-09',
      tabs: { orders: 0, services: 1, follow_up: 1, birthday: 0, done: 0 },
      actions: [
        { id: ids.mon1, kind: 'service', customerId, title: 'Serviço', status: 'scheduled', done: false, tab: 'services' },
        { id: ids.mon2, kind: 'follow_up', customerId, title: 'Follow-up: Perguntar da revisão', status: 'scheduled', done: false, tab: 'follow_up' },
      ],
    });
  });

  it('shows one tab of a day with ?tab=, done actions under done whatever their kind, and counts every tab (CAL3)', async () => {
    const services = await get(`/calendar/2026-03-09?ownerId=u1&tab=services&minPosition=${lastPosition}`);
    expect(services.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.mon1]);
    expect(services.body.tabs).toEqual({ orders: 0, services: 1, follow_up: 1, birthday: 0, done: 0 });
    const done = await get(`/calendar/2026-03-11?tab=done&minPosition=${lastPosition}`);
    expect(done.body.actions.map((a: { id: string; tab: string }) => [a.id, a.tab])).toEqual([
      [ids.wed1, 'done'],
      [ids.wed2, 'done'],
      [ids.wedLate, 'done'],
    ]);
    expect((await get(`/calendar/2026-03-11?tab=services&minPosition=${lastPosition}`)).body.actions).toEqual([]);
    const unknownTab = await get('/calendar/2026-03-11?tab=pedidos');
    expect(unknownTab.status).toBe(400);
    expect(unknownTab.body.errors).toEqual([expect.objectContaining({ field: 'tab' })]);
  });

  it('shows confirmed, success and lost as done, and the late-evening action on its local day', async () => {
    const res = await get(`/calendar/2026-03-11?minPosition=${lastPosition}`);
    expect(res.body.actions.map((a: { id: string; status: string; done: boolean }) => [a.id, a.status, a.done])).toEqual([
      [ids.wed1, 'confirmed', true],
      [ids.wed2, 'success', true],
      [ids.wedLate, 'lost', true],
    ]);
  });

  it('shows a rescheduled appointment on its new day only, not done', async () => {
    const newDay = await get(`/calendar/2026-03-13?minPosition=${lastPosition}`);
    expect(newDay.body.actions).toEqual([{ id: ids.moved, kind: 'service', customerId, title: 'Serviço', status: 'scheduled', done: false, tab: 'services' }]);
    const oldDay = await get('/calendar/2026-03-09');
    expect(oldDay.body.actions.map((a: { id: string }) => a.id)).not.toContain(ids.moved);
  });

  it('filters a day by owner, and answers an empty day with no actions', async () => {
    const u2 = await get(`/calendar/2026-03-10?ownerId=u2&minPosition=${lastPosition}`);
    expect(u2.body.actions.map((a: { id: string }) => a.id)).toEqual([ids.tueU2]);
    const empty = await get('/calendar/2026-03-20');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ date: '2026-03-20', tabs: { orders: 0, services: 0, follow_up: 0, birthday: 0, done: 0 }, actions: [] });
  });

  it('accepts a range of a whole leap year', async () => {
    const res = await get('/calendar?from=2028-01-01&to=2028-12-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ days: [] });
  });

  it.each([
    ['a missing from', '/calendar?to=2026-03-31', 'from'],
    ['a missing to', '/calendar?from=2026-03-01', 'to'],
    ['a from not written YYYY-MM-DD', '/calendar?from=2026-3-1&to=2026-03-31', 'from'],
    ['an impossible to', '/calendar?from=2026-02-01&to=2026-02-30', 'to'],
    ['a to before from', '/calendar?from=2026-03-31&to=2026-03-01', 'to'],
    ['a range over 366 days', '/calendar?from=2026-01-01&to=2027-01-02', 'to'],
    ['an empty ownerId', '/calendar?from=2026-03-01&to=2026-03-31&ownerId=', 'ownerId'],
    ['a bad minPosition', '/calendar?from=2026-03-01&to=2026-03-31&minPosition=soon', 'minPosition'],
    ['an unknown parameter', '/calendar?from=2026-03-01&to=2026-03-31&color=red', 'color'],
    ['a day that does not exist', '/calendar/2026-02-30', 'date'],
    ['a day not written YYYY-MM-DD', '/calendar/10-03-2026', 'date'],
    ['a day with an empty ownerId', '/calendar/2026-03-10?ownerId=', 'ownerId'],
  ])('400 naming the field for %s', async (_label, path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('401 without a token', async () => {
    expect((await t.http.get('/calendar?from=2026-03-01&to=2026-03-31')).status).toBe(401);
    expect((await t.http.get('/calendar/2026-03-10')).status).toBe(401);
  });

  it('rebuilds the calendar from zero into the same days', async () => {
    const before = await get(`/calendar?from=2026-03-01&to=2026-03-31&minPosition=${lastPosition}`);
    await rebuildAndWaitForSwitch(t, 'calendar');
    expect((await get('/calendar?from=2026-03-01&to=2026-03-31')).body).toEqual(before.body);
  });
});
