import { refusalsOn } from './support/refusals';
import { startTestApp, type TestApp } from './support/test-app';

// Concluding a step and reading the customer's journey over HTTP (CS12).
describe('journey progress over HTTP (CS12)', () => {
  let t: TestApp;
  let journey: { id: string; steps: Array<{ id: string; milestones: Array<{ id: string }> }> };
  let customerId: string;
  let lastPosition: string;

  const as = (role: 'admin' | 'broker' | 'readonly' = 'admin') => ({ Authorization: `Bearer ${t.token(role, `user-${role}`)}` });
  const eventCount = async () => (await t.eventStore.readAll()).length;
  const command = async (method: 'post' | 'put', path: string, body: object) => {
    const res = await t.http[method](path).set(as()).send(body);
    if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position;
    return res.body;
  };
  const progress = (id = customerId) => t.http.get(`/customers/${id}/journey?minPosition=${lastPosition}`).set(as('readonly'));
  const conclude = (stepId: string, body: unknown) => t.http.post(`/customers/${customerId}/steps/${stepId}/conclude`).set(as('broker')).send(body as object);

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    journey = await command('post', '/journeys', { name: 'Onboarding', steps: [{ name: 'Boas-vindas', milestones: [{ name: 'Kickoff', days: 2 }] }, { name: 'Adoção', milestones: [] }] });
    const wallet = await command('post', '/wallets', { name: 'Carteira', managerId: 'mgr', journeyId: journey.id });
    customerId = (await command('post', '/customers', { name: 'Ana Souza', brokerId: 'user-broker' })).id;
    await command('put', `/customers/${customerId}/wallet`, { walletId: wallet.id });
  });
  afterAll(() => t.close());

  it('shows the journey with the first step current and its milestone due, before anything is reported', async () => {
    const res = await progress();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId, journey: { id: journey.id, name: 'Onboarding' }, currentStepId: journey.steps[0].id });
    const [first, second] = res.body.steps;
    expect(first).toMatchObject({ current: true, concludedOn: null, status: 'on_time' });
    expect(first.milestones[0]).toMatchObject({ completedOn: null, status: 'on_time' });
    expect(first.enteredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(second).toMatchObject({ current: false, enteredOn: null, status: 'not_started' });
  });

  it('records a conclusion and a completion, both shown done on time, without moving the customer', async () => {
    const today = (await progress()).body.steps[0].enteredOn as string;
    const res = await conclude(journey.steps[0].id, { concludedOn: today });
    expect(res.status).toBe(200);
    lastPosition = res.body.position;
    await command('post', `/customers/${customerId}/milestones/${journey.steps[0].milestones[0].id}/complete`, { completedOn: today });
    const [first] = (await progress()).body.steps;
    expect(first).toMatchObject({ current: true, concludedOn: today, status: 'concluded_on_time' });
    expect(first.milestones[0]).toMatchObject({ completedOn: today, status: 'completed_on_time' });

    const before = await eventCount();
    const again = await conclude(journey.steps[0].id, { concludedOn: today });
    expect(again.status).toBe(200);
    expect(await eventCount()).toBe(before);
  });

  describe('refusals append nothing', () => {
    const refused = refusalsOn(() => t.eventStore);

    it.each([
      ['a date that is not YYYY-MM-DD', { concludedOn: '12/03/2026' }],
      ['no date', {}],
      ['a date that is not a string', { concludedOn: 20260312 }],
    ])('400 for %s, naming the field', async (_case, body) => {
      await refused(() => conclude(journey.steps[1].id, body), 400, 'concludedOn');
    });

    it('422 for a date in the future, 404 for a step of no journey of the customer, 400 for a malformed step id', async () => {
      await refused(() => conclude(journey.steps[1].id, { concludedOn: '2999-01-01' }), 422, 'concludedOn');
      await refused(() => conclude('00000000-0000-4000-8000-000000000000', { concludedOn: '2026-01-01' }), 404);
      const malformed = await refused(() => conclude('step-1', { concludedOn: '2026-01-01' }), 400, 'stepId');
      expect(malformed.errors).toEqual([expect.objectContaining({ field: 'stepId' })]);
    });

    it('403 for a read-only user', async () => {
      await refused(() => t.http.post(`/customers/${customerId}/steps/${journey.steps[1].id}/conclude`).set(as('readonly')).send({ concludedOn: '2026-01-01' }), 403);
    });
  });

  it('answers no journey for a customer in no wallet, and 404 for an unknown customer', async () => {
    const loner = await command('post', '/customers', { name: 'Bia' });
    const res = await progress(loner.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ customerId: loner.id, walletId: null, journey: null, currentStepId: null, steps: [] });
    expect((await progress('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
