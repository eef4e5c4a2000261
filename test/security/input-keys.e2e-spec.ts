import { startTestApp, type TestApp } from '../support/test-app';

/** Reserved and operator keys never get past the HTTP layer (issue 6, hardened input). */
describe('reserved and operator keys in requests', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    auth = { Authorization: `Bearer ${t.token('admin')}` };
  });
  afterAll(() => t.close());

  const eventCount = async () => (await t.eventStore.readAll({})).length;
  const json = (text: string) => ({ ...auth, 'content-type': 'application/json', body: text });

  async function postRaw(path: string, text: string) {
    const { body, ...headers } = json(text);
    return t.http.post(path).set(headers).send(body);
  }

  it.each([
    ['a top-level __proto__', '{"name":"Ana","__proto__":{"isAdmin":true}}', '__proto__'],
    ['a top-level constructor', '{"name":"Ana","constructor":{"prototype":{"x":1}}}', 'constructor'],
    ['a top-level $set', '{"name":"Ana","$set":{"name":"x"}}', '$set'],
    ['a nested $where', '{"name":"Ana","origin":{"medium":{"$where":"sleep(1)"}}}', 'origin.medium.$where'],
    ['a key in the free-form extraAttributes', '{"name":"Ana","origin":{"extraAttributes":{"$gt":""}}}', 'origin.extraAttributes.$gt'],
    ['__proto__ inside extraAttributes', '{"name":"Ana","origin":{"extraAttributes":{"__proto__":{"polluted":"yes"}}}}', 'origin.extraAttributes.__proto__'],
    ['prototype inside an array item', '{"name":"Ana","phones":[{"prototype":1}]}', 'phones.0.prototype'],
  ])('refuses %s in a body with 400 naming the field, and appends nothing', async (_label, text, field) => {
    const before = await eventCount();
    const res = await postRaw('/customers', text);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field, message: expect.stringContaining('not an accepted field name') }]);
    expect(await eventCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each(['[{"name":"Ana"}]', '"Ana"', '42', 'true', 'null'])('refuses the body %s, which is not a JSON object, with 400 naming the body', async (text) => {
    const before = await eventCount();
    const res = await postRaw('/customers', text);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body', message: 'the request body must be a JSON object' }]);
    expect(await eventCount()).toBe(before);
  });

  it('refuses a body nested deeper than the limit with 400, not a crash', async () => {
    const deep = '{"name":"Ana","origin":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}';
    const res = await postRaw('/customers', deep);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ field: expect.stringMatching(/^origin(\.a)+$/), message: 'the request body nests too deeply' });
  });

  it.each([
    ['/wallets?$where=1', '$where'],
    ['/wallets?managerId=u1&__proto__=x', '__proto__'],
    ['/wallets?constructor=x', 'constructor'],
    ['/wallets?managerId[$ne]=x', 'managerId[$ne]'],
    ['/calendar?from=2026-03-01&to=2026-03-02&ownerId.$gt=', 'ownerId.$gt'],
  ])('refuses the query %s with 400 naming %s', async (path, field) => {
    const res = await t.http.get(path).set(auth);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field, message: expect.stringContaining('not an accepted field name in the query string') }]);
  });

  it('still accepts ordinary bodies and queries, including $ and reserved words inside values', async () => {
    const created = await t.http
      .post('/customers')
      .set(auth)
      .send({ name: '$set constructor __proto__', origin: { extraAttributes: { budget: '$500k', note: '__proto__' } } });
    expect(created.status).toBe(201);
    const wallets = await t.http.get('/wallets?managerId=%24x').set(auth);
    expect(wallets.status).toBe(200);
  });
});
