import { ApiClient } from '../apps/cli/src/api-client';
import { sampleCustomer, seedCustomers } from '../apps/cli/src/seed';
import { startTestApp, type TestApp } from './support/test-app';

/** `trilha seed --customers <n>` against a listening server. */
describe('trilha seed', () => {
  let t: TestApp;
  let client: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    await t.app.listen(0, '127.0.0.1');
    client = new ApiClient(await t.app.getUrl(), t.token('admin', 'seeder'));
  });
  afterAll(() => t.close());

  const registrations = async () => (await t.eventStore.readAll({ filter: { eventTypes: ['CustomerRegistered'] } })).length;

  it('registers the asked number of customers, each one valid and distinct', async () => {
    const progress: number[] = [];
    expect(await seedCustomers(client, 25, 'first', (done) => progress.push(done))).toBe(25);
    expect(await registrations()).toBe(25);
    expect(progress.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const names = new Set((await t.eventStore.readAll({ filter: { eventTypes: ['CustomerRegistered'] } })).map((e) => e.data.email));
    expect(names.size).toBe(25);
  });

  it('appends nothing new when the same run is seeded again, and more for another run', async () => {
    await seedCustomers(client, 25, 'first', () => undefined);
    expect(await registrations()).toBe(25);
    await seedCustomers(client, 3, 'second', () => undefined);
    expect(await registrations()).toBe(28);
  });

  it('makes repeatable sample data', () => {
    expect(sampleCustomer(7)).toEqual(sampleCustomer(7));
    expect(sampleCustomer(7)).not.toEqual(sampleCustomer(8));
  });
});
