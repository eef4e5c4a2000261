import { configFromEnv, DEFAULT_COMMAND_RATE_LIMIT } from '../../apps/api/src/config/trilha-config';
import { startTestApp, type TestApp } from '../support/test-app';

const LIMIT = 5;

/** Commands are rate-limited per user (TRILHA_COMMAND_RATE_LIMIT a minute); reads are not (issue 6). */
describe('command rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_COMMAND_RATE_LIMIT: String(LIMIT) });
  });
  afterAll(() => t.close());

  const eventCount = async () => (await t.eventStore.readAll({})).length;
  const as = (user: string) => ({ Authorization: `Bearer ${t.token('admin', user)}` });

  it('answers 429 problem+json with Retry-After once a user has sent the limit, and appends nothing for it', async () => {
    const ana = as('rate-ana');
    const created = await t.http.post('/customers').set(ana).send({ name: 'Cliente 1' });
    expect(created.status).toBe(201);
    // Commands on different routes and refused ones count alike: one budget per user.
    expect((await t.http.post(`/customers/${created.body.id}/temperature`).set(ana).send({ temperature: 'hot' })).status).toBe(200);
    expect((await t.http.post(`/customers/${created.body.id}/temperature`).set(ana).send({ temperature: 'boiling' })).status).toBe(400);
    expect((await t.http.patch(`/customers/${created.body.id}`).set(ana).send({ channel: 'site' })).status).toBe(200);
    expect((await t.http.post('/customers').set(ana).send({ name: 'Cliente 2' })).status).toBe(201);

    const before = await eventCount();
    const refused = await t.http.post('/customers').set(ana).send({ name: 'Cliente 3' });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, type: 'urn:trilha:problem:rate-limited', detail: expect.stringContaining(`${LIMIT} a minute`) });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await t.http.post(`/customers/${created.body.id}/comments`).set(ana).send({ text: 'still limited' })).status).toBe(429);
    expect(await eventCount()).toBe(before);

    // Reads are not limited.
    for (let i = 0; i < LIMIT * 2; i++) expect((await t.http.get(`/customers/${created.body.id}`).set(ana)).status).toBe(200);
  });

  it('limits each user on their own: another user is not limited', async () => {
    const bruno = as('rate-bruno');
    for (let i = 0; i < LIMIT; i++) expect((await t.http.post('/customers').set(bruno).send({ name: `B ${i}` })).status).toBe(201);
    expect((await t.http.post('/customers').set(bruno).send({ name: 'B over' })).status).toBe(429);
    expect((await t.http.post('/customers').set(as('rate-carla')).send({ name: 'C 1' })).status).toBe(201);
  });

  it('does not count requests the token guard refuses', async () => {
    for (let i = 0; i < LIMIT + 2; i++) expect((await t.http.post('/customers').send({ name: 'anonymous' })).status).toBe(401);
  });
});

describe('command rate limit setting', () => {
  it('defaults to a generous limit, reads 0 as off, and refuses anything but a whole number', () => {
    expect(configFromEnv({}).commandRateLimit).toBe(DEFAULT_COMMAND_RATE_LIMIT);
    expect(DEFAULT_COMMAND_RATE_LIMIT).toBeGreaterThanOrEqual(600);
    expect(configFromEnv({ TRILHA_COMMAND_RATE_LIMIT: '0' }).commandRateLimit).toBe(0);
    expect(configFromEnv({ TRILHA_COMMAND_RATE_LIMIT: '120' }).commandRateLimit).toBe(120);
    for (const bad of ['-1', '1.5', 'lots']) expect(() => configFromEnv({ TRILHA_COMMAND_RATE_LIMIT: bad })).toThrow(/TRILHA_COMMAND_RATE_LIMIT/);
  });

  it('0 turns the limit off', async () => {
    const t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_COMMAND_RATE_LIMIT: '0' });
    try {
      const auth = { Authorization: `Bearer ${t.token('admin', 'bulk')}` };
      for (let i = 0; i < 30; i++) expect((await t.http.post('/customers').set(auth).send({ name: `Bulk ${i}` })).status).toBe(201);
    } finally {
      await t.close();
    }
  });
});
