import { startTestApp, type TestApp } from '../support/test-app';

/** A command route that reads no body refuses one that says something, rather than ignoring it (issue 6). */
describe('bodies sent to routes that read none', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    auth = { Authorization: `Bearer ${t.token('admin')}` };
    customerId = (await t.http.post('/customers').set(auth).send({ name: 'Ana', temperature: 'warm' })).body.id;
    expect((await t.http.post(`/customers/${customerId}/temperature`).set(auth).send({ temperature: 'hot' })).status).toBe(200);
  });
  afterAll(() => t.close());

  const eventCount = async () => (await t.eventStore.readAll({})).length;

  it.each([
    ['an object with a field', { temperature: 'cold' }, 'takes no request body'],
    ['an object with an empty nested object', { options: {} }, 'takes no request body'],
    ['an array', [1, 2], 'must be a JSON object'],
    ['a string', 'revert', 'must be a JSON object'],
    ['a number', 42, 'must be a JSON object'],
  ])('refuses %s with 400 naming the body, and appends nothing', async (_label, body, message) => {
    const before = await eventCount();
    const res = await t.http.post(`/customers/${customerId}/temperature/revert`).set(auth).set('content-type', 'application/json').send(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining(message) }]);
    expect(await eventCount()).toBe(before);
  });

  it('accepts no body, or an empty object', async () => {
    expect((await t.http.post(`/customers/${customerId}/temperature/revert`).set(auth).send({})).status).toBe(200);
    expect((await t.http.post(`/customers/${customerId}/temperature`).set(auth).send({ temperature: 'hot' })).status).toBe(200);
    expect((await t.http.post(`/customers/${customerId}/temperature/revert`).set(auth)).status).toBe(200);
  });
});
