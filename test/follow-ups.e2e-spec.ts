import { followUpStreamId } from '@trilha/domain';
import { refusalsOn } from './support/refusals';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** CAL5 and CAL6 over HTTP: follow-up opportunities added from the calendar, and what is done with them. */
describe('follow-up opportunities on the calendar (CAL5, CAL6)', () => {
  let t: TestApp;
  let refused: ReturnType<typeof refusalsOn>;
  let last = '';

  const as = (role: Parameters<TestApp['token']>[0] = 'broker', user = 'b1') => ({ Authorization: `Bearer ${t.token(role, user)}` });
  const body = (extra: object = {}) => ({
    name: ' Padaria Pão Quente ',
    contactName: 'Joana Lima',
    email: 'joana@paoquente.com.br',
    phone: '+55 11 98888-0000',
    contactOn: '2026-03-02',
    nextContactOn: '2026-03-10',
    ...extra,
  });

  async function post(path: string, payload?: object, headers: Record<string, string> = as()): Promise<{ id: string; revision: string; position: string }> {
    const res = await t.http.post(path).set(headers).send(payload);
    if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    last = res.body.position;
    return res.body;
  }
  const register = async (extra: object = {}, headers: Record<string, string> = as()) => (await post('/follow-ups', body(extra), headers)).id;
  const day = async (date: string, headers: Record<string, string> = as('readonly', 'viewer'), query = '') =>
    (await t.http.get(`/calendar/${date}?minPosition=${last}${query}`).set(headers).expect(200)).body;
  const days = async (from: string, to: string, headers: Record<string, string> = as('readonly', 'viewer'), query = '') =>
    (await t.http.get(`/calendar?from=${from}&to=${to}&minPosition=${last}${query}`).set(headers).expect(200)).body.days;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: '', TRILHA_COMMAND_RATE_LIMIT: '0' }, { clock: () => NOW });
    refused = refusalsOn(() => t.eventStore);
  });
  afterAll(() => t.close());

  it('registers an opportunity and shows it on its next contact date, under follow-up (CAL6)', async () => {
    const answer = await post('/follow-ups', body());
    expect(answer).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: '0', position: expect.any(String) });
    const tenth = await day('2026-03-10');
    expect(tenth.actions).toContainEqual({
      id: answer.id,
      kind: 'opportunity',
      customerId: null,
      title: 'Oportunidade: Padaria Pão Quente (Joana Lima)',
      status: 'open',
      done: false,
      tab: 'follow_up',
    });
    expect((await day('2026-03-02')).actions.map((a: { id: string }) => a.id)).not.toContain(answer.id);
  });

  it('stores the contact encrypted under the follow-up’s own key', async () => {
    const id = await register({ contactName: 'Rita Secreta', email: 'rita@segredo.com.br', phone: '11 97777-1234' });
    const [stored] = await t.storedEventStore.readStream(followUpStreamId(id));
    const text = JSON.stringify(stored.data);
    for (const secret of ['Rita', 'rita@segredo', '97777', 'Padaria']) expect(text).not.toContain(secret);
    expect(stored.data).toMatchObject({ followUpId: id, ownerId: 'b1', contactOn: '2026-03-02', nextContactOn: '2026-03-10' });
    const [clear] = await t.eventStore.readStream(followUpStreamId(id));
    expect(clear.data).toMatchObject({ name: 'Padaria Pão Quente', contactName: 'Rita Secreta', email: 'rita@segredo.com.br', phone: '11 97777-1234' });
  });

  it.each([
    ['name', { name: undefined }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(257) }],
    ['name', { name: 42 }],
    ['contactName', { contactName: undefined }],
    ['contactName', { contactName: '' }],
    ['email', { email: 'joana@' }],
    ['email', { email: 'joana.paoquente.com.br' }],
    ['phone', { phone: '123' }],
    ['phone', { phone: 'ligar à tarde' }],
    ['contactOn', { contactOn: '2026-02-30' }],
    ['contactOn', { contactOn: undefined }],
    ['nextContactOn', { nextContactOn: '2026-03-10T10:00:00Z' }],
    ['extra', { extra: 'an unknown field' }],
  ])('refuses a bad %s with 400 naming it, appending nothing', async (field, change) => {
    const payload = JSON.parse(JSON.stringify(body(change)));
    await refused(() => t.http.post('/follow-ups').set(as()).send(payload), 400, field);
  });

  it('refuses a next contact date before the contact date with 422 naming nextContactOn', async () => {
    await refused(() => t.http.post('/follow-ups').set(as()).send(body({ nextContactOn: '2026-03-01' })), 422, 'nextContactOn');
  });

  it('answers a repeated Idempotency-Key as the first time, appending nothing', async () => {
    const headers = { ...as(), 'Idempotency-Key': 'follow-up-once' };
    const first = await post('/follow-ups', body(), headers);
    const again = await t.http.post('/follow-ups').set(headers).send(body());
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first);
    expect(await t.eventStore.readStream(followUpStreamId(first.id))).toHaveLength(1);
  });

  it('moves a rescheduled follow-up to its new day, still to do (CAL5)', async () => {
    const id = await register({ nextContactOn: '2026-03-11' });
    const answer = await post(`/follow-ups/${id}/reschedule`, { nextContactOn: '2026-03-13' });
    expect(answer).toEqual({ id, revision: '1', position: expect.any(String) });
    expect((await day('2026-03-11')).actions.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await day('2026-03-13')).actions).toContainEqual(expect.objectContaining({ id, tab: 'follow_up', status: 'open', done: false }));
    await refused(() => t.http.post(`/follow-ups/${id}/reschedule`).set(as()).send({ nextContactOn: '2026-03-01' }), 422, 'nextContactOn');
    await refused(() => t.http.post(`/follow-ups/${id}/reschedule`).set(as()).send({ nextContactOn: '13/03/2026' }), 400, 'nextContactOn');
  });

  it('colors a day with one of its two follow-ups resolved by call orange, then green once the email of the other is sent (CAL2, CAL5)', async () => {
    const called = await register({ nextContactOn: '2026-03-20' });
    const emailed = await register({ nextContactOn: '2026-03-20' });
    expect(await days('2026-03-20', '2026-03-20')).toEqual([{ date: '2026-03-20', total: 2, done: 0, color: 'red' }]);

    await post(`/follow-ups/${called}/resolve-by-call`);
    expect(await days('2026-03-20', '2026-03-20')).toEqual([{ date: '2026-03-20', total: 2, done: 1, color: 'orange' }]);
    const doneTab = await day('2026-03-20', undefined, '&tab=done');
    expect(doneTab.tabs).toMatchObject({ follow_up: 1, done: 1 });
    expect(doneTab.actions).toEqual([expect.objectContaining({ id: called, kind: 'opportunity', status: 'resolved_by_call', done: true, tab: 'done' })]);

    await post(`/follow-ups/${emailed}/send-email`, { message: 'Olá Joana, passando para saber da encomenda.' });
    expect(await days('2026-03-20', '2026-03-20')).toEqual([{ date: '2026-03-20', total: 2, done: 2, color: 'green' }]);
    expect((await day('2026-03-20')).actions.find((a: { id: string }) => a.id === emailed)).toMatchObject({ status: 'email_sent', tab: 'done' });
    const [, sent] = await t.eventStore.readStream(followUpStreamId(emailed));
    expect(sent).toMatchObject({ type: 'FollowUpEmailSent', data: { to: 'joana@paoquente.com.br', message: 'Olá Joana, passando para saber da encomenda.' } });
  });

  it('refuses to reschedule, resolve or email a done follow-up (422), and bad messages (400)', async () => {
    const id = await register();
    await refused(() => t.http.post(`/follow-ups/${id}/send-email`).set(as()).send({ message: '   ' }), 400, 'message');
    await refused(() => t.http.post(`/follow-ups/${id}/send-email`).set(as()).send({ message: 'x'.repeat(4001) }), 400, 'message');
    await post(`/follow-ups/${id}/resolve-by-call`);
    await refused(() => t.http.post(`/follow-ups/${id}/reschedule`).set(as()).send({ nextContactOn: '2026-03-15' }), 422);
    await refused(() => t.http.post(`/follow-ups/${id}/resolve-by-call`).set(as()), 422);
    await refused(() => t.http.post(`/follow-ups/${id}/send-email`).set(as()).send({ message: 'Olá' }), 422);
  });

  it('refuses to email a follow-up without an address (422 naming email)', async () => {
    const id = await register({ email: undefined });
    await refused(() => t.http.post(`/follow-ups/${id}/send-email`).set(as()).send({ message: 'Olá' }), 422, 'email');
  });

  it('answers 404 for an unknown follow-up, 400 for an id that is not one, 409 for a stale If-Match', async () => {
    await refused(() => t.http.post('/follow-ups/6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01/resolve-by-call').set(as('manager', 'm1')), 404);
    await refused(() => t.http.post('/follow-ups/not-a-uuid/resolve-by-call').set(as()), 400, 'id');
    const id = await register();
    await refused(() => t.http.post(`/follow-ups/${id}/resolve-by-call`).set({ ...as(), 'If-Match': '"3"' }), 409);
    const matched = await t.http.post(`/follow-ups/${id}/resolve-by-call`).set({ ...as(), 'If-Match': '"0"' });
    expect(matched.status).toBe(200);
  });

  it('shows a broker only the follow-ups they registered; another broker gets 404 acting on one (ADR 0037)', async () => {
    const mine = await register({ nextContactOn: '2026-03-25' }, as('broker', 'b1'));
    const theirs = await register({ nextContactOn: '2026-03-25' }, as('broker', 'b2'));
    const ids = async (headers: Record<string, string>, query = '') => (await day('2026-03-25', headers, query)).actions.map((a: { id: string }) => a.id).sort();
    expect(await ids(as('broker', 'b1'))).toEqual([mine]);
    expect(await ids(as('broker', 'b2'))).toEqual([theirs]);
    expect(await ids(as('broker', 'b1'), '&ownerId=b2')).toEqual([]);
    expect(await ids(as('manager', 'm1'))).toEqual([mine, theirs].sort());
    expect(await ids(as('manager', 'm1'), '&ownerId=b2')).toEqual([theirs]);
    expect(await days('2026-03-25', '2026-03-25', as('broker', 'b2'))).toEqual([{ date: '2026-03-25', total: 1, done: 0, color: 'red' }]);
    const unknown = await t.http.post('/follow-ups/6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01/reschedule').set(as('admin', 'a1')).send({ nextContactOn: '2026-03-26' });
    const other = await refused(() => t.http.post(`/follow-ups/${mine}/reschedule`).set(as('broker', 'b2')).send({ nextContactOn: '2026-03-26' }), 404);
    expect(other.detail).toBe(unknown.body.detail.replace('6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01', mine));
    await refused(() => t.http.post('/follow-ups').set(as('readonly', 'r1')).send(body()), 403);
  });

  it('rebuilds the calendar from zero into the same answers', async () => {
    const before = { range: await days('2026-03-01', '2026-03-31'), day: await day('2026-03-20'), broker: await day('2026-03-25', as('broker', 'b1')) };
    await rebuildAndWaitForSwitch(t, 'calendar');
    expect({ range: await days('2026-03-01', '2026-03-31'), day: await day('2026-03-20'), broker: await day('2026-03-25', as('broker', 'b1')) }).toEqual(before);
  });
});
