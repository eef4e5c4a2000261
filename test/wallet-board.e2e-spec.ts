import { randomUUID } from 'node:crypto';
import { customerJourneyStreamId } from '@trilha/domain';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A customer's place in a wallet (CS4 one by one, CS5, CS12) and the wallet board, on a clock
 * the test moves: the board's time-relative fields are computed as of each request, in the days
 * of São Paulo (UTC−3 in March 2026).
 */
describe('customers in wallets and the wallet board over HTTP (CS4, CS5, CS12)', () => {
  let t: TestApp;
  let now = new Date('2026-03-10T13:00:00Z');
  const setClock = (instant: string) => {
    now = new Date(instant);
  };

  let journey: { id: string; steps: { id: string; milestones: { id: string }[] }[] };
  let otherJourney: typeof journey;
  let walletId: string;
  let otherWalletId: string;
  let noJourneyWalletId: string;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: 'America/Sao_Paulo' }, { clock: () => now });
    // Seed 002's example step: milestones of 2, 3 and 3 days; the step's deadline is 3 days.
    journey = (
      await t.http
        .post('/journeys')
        .set(as())
        .send({
          name: 'Jornada da felicidade',
          steps: [
            { name: 'Definir um objetivo', milestones: [{ name: 'Marco A', days: 2 }, { name: 'Marco B', days: 3 }, { name: 'Marco C', days: 3 }] },
            { name: 'Ficar feliz', milestones: [{ name: 'Marco D', days: 5 }] },
          ],
        })
    ).body;
    otherJourney = (await t.http.post('/journeys').set(as()).send({ name: 'Outra', steps: [{ name: 'Única', milestones: [{ name: 'X', days: 1 }] }] })).body;
    walletId = (await t.http.post('/wallets').set(as()).send({ name: 'Carteira Board', managerId: 'mgr', journeyId: journey.id })).body.id;
    otherWalletId = (await t.http.post('/wallets').set(as()).send({ name: 'Carteira Outra', managerId: 'mgr', journeyId: otherJourney.id })).body.id;
    noJourneyWalletId = (await t.http.post('/wallets').set(as()).send({ name: 'Carteira Vazia', managerId: 'mgr' })).body.id;
  });
  afterAll(() => t.close());

  const as = (role: 'admin' | 'manager' | 'broker' | 'readonly' | 'auditor' = 'admin') => ({ Authorization: `Bearer ${t.token(role, `user-${role}`)}` });
  const eventCount = async () => (await t.eventStore.readAll()).length;
  // The broker who places them is their responsible broker: brokers act only on their portfolio.
  const register = async (name: string): Promise<string> => (await t.http.post('/customers').set(as()).send({ name, brokerId: 'user-broker' })).body.id;
  const placeIn = (customerId: string, wallet: string) => t.http.put(`/customers/${customerId}/wallet`).set(as('broker')).send({ walletId: wallet });
  const moveTo = (customerId: string, stepId: string) => t.http.post(`/customers/${customerId}/stage`).set(as('manager')).send({ stepId });
  const complete = (customerId: string, milestoneId: string, completedOn: string) =>
    t.http.post(`/customers/${customerId}/milestones/${milestoneId}/complete`).set(as()).send({ completedOn });
  const board = async (query: string, minPosition: string) => {
    const res = await t.http.get(`/wallets/${walletId}/board?minPosition=${minPosition}${query}`).set(as('readonly'));
    expect(res.status).toBe(200);
    return res.body;
  };
  const cardOf = (body: { columns: { stepId: string; cards: { customerId: string }[] }[] }, customerId: string) => {
    for (const column of body.columns) {
      const card = column.cards.find((c) => c.customerId === customerId);
      if (card) return { stepId: column.stepId, ...card };
    }
    return undefined;
  };

  it('puts a customer in the wallet at the first step, and the board shows the card', async () => {
    setClock('2026-03-10T13:00:00Z');
    const customerId = await register('Ana Souza');
    const placed = await placeIn(customerId, walletId);
    expect(placed.status).toBe(200);
    expect(placed.body).toEqual({ id: customerId, revision: '0', position: expect.any(String) });

    const [event] = await t.eventStore.readStream(customerJourneyStreamId(customerId));
    expect(event).toMatchObject({ type: 'CustomerPlacedInWallet', data: { customerId, walletId, journeyId: journey.id, stepId: journey.steps[0].id } });

    const body = await board('', placed.body.position);
    expect(body.walletId).toBe(walletId);
    expect(body.journey).toEqual({ id: journey.id, name: 'Jornada da felicidade' });
    expect(body.columns.map((c: { stepId: string; name: string }) => [c.stepId, c.name])).toEqual([
      [journey.steps[0].id, 'Definir um objetivo'],
      [journey.steps[1].id, 'Ficar feliz'],
    ]);
    expect(cardOf(body, customerId)).toEqual({
      stepId: journey.steps[0].id,
      customerId,
      name: 'Ana Souza',
      enteredStepAt: '2026-03-10T13:00:00.000Z',
      daysInStep: 0,
      overdue: false,
      isNew: false,
      milestoneStatus: 'on_time',
      progress: { done: 0, total: 4 },
    });
  });

  it('computes days in step (grey, then red past the deadline) and the milestone status as the clock moves', async () => {
    setClock('2026-03-10T12:00:00Z');
    const customerId = await register('Bruno Lima');
    const placed = await placeIn(customerId, walletId);
    const [a, b, c] = journey.steps[0].milestones.map((m) => m.id);
    const at = async (instant: string) => {
      setClock(instant);
      return cardOf(await board('', placed.body.position), customerId);
    };

    // Days turn at midnight in São Paulo, 03:00 UTC.
    expect(await at('2026-03-12T02:59:00Z')).toMatchObject({ daysInStep: 1, overdue: false, milestoneStatus: 'on_time' });
    expect(await at('2026-03-12T03:01:00Z')).toMatchObject({ daysInStep: 2, overdue: false, milestoneStatus: 'today' });
    expect(await at('2026-03-13T11:00:00Z')).toMatchObject({ daysInStep: 3, overdue: false, milestoneStatus: 'late' });

    const doneA = await complete(customerId, a, '2026-03-12');
    expect(doneA.status).toBe(200);
    expect(cardOf(await board('', doneA.body.position), customerId)).toMatchObject({ milestoneStatus: 'today', progress: { done: 1, total: 4 } });

    expect(await at('2026-03-14T11:00:00Z')).toMatchObject({ daysInStep: 4, overdue: true, milestoneStatus: 'late' });
    await complete(customerId, b, '2026-03-14');
    const doneC = await complete(customerId, c, '2026-03-14');
    expect(cardOf(await board('', doneC.body.position), customerId)).toMatchObject({ daysInStep: 4, overdue: true, milestoneStatus: 'completed', progress: { done: 3, total: 4 } });

    // The filters: by milestone status, and by marker (none can be set yet: CS6).
    type Card = { customerId: string; milestoneStatus: string };
    const shown = (body: { columns: { cards: Card[] }[] }) => body.columns.flatMap((col) => col.cards);
    const completed = shown(await board('&milestoneStatus=completed', doneC.body.position));
    expect(completed.map((card) => card.customerId)).toContain(customerId);
    expect(completed.every((card) => card.milestoneStatus === 'completed')).toBe(true);
    expect(cardOf(await board('&milestoneStatus=late', doneC.body.position), customerId)).toBeUndefined();
    const byMarker = await board('&marker=vip', doneC.body.position);
    expect(shown(byMarker)).toEqual([]);
    expect(byMarker.total).toBeGreaterThan(0);
  });

  it('moves a card to another step, where its days start again', async () => {
    setClock('2026-03-10T09:00:00Z');
    const customerId = await register('Carla Dias');
    await placeIn(customerId, walletId);
    setClock('2026-03-16T10:00:00Z');
    const moved = await moveTo(customerId, journey.steps[1].id);
    expect(moved.status).toBe(200);
    expect(moved.body.revision).toBe('1');
    setClock('2026-03-17T10:00:00Z');
    expect(cardOf(await board('', moved.body.position), customerId)).toMatchObject({
      stepId: journey.steps[1].id,
      enteredStepAt: '2026-03-16T10:00:00.000Z',
      daysInStep: 1,
      overdue: false,
      milestoneStatus: 'on_time',
    });

    const before = await eventCount();
    const same = await moveTo(customerId, journey.steps[1].id);
    expect(same.status).toBe(200);
    expect(await eventCount()).toBe(before);
  });

  it('marks the card new after a move to another wallet, until it is worked on', async () => {
    setClock('2026-03-10T09:00:00Z');
    const customerId = await register('Davi Rocha');
    await placeIn(customerId, otherWalletId);
    await complete(customerId, otherJourney.steps[0].milestones[0].id, '2026-03-10');
    const moved = await placeIn(customerId, walletId);
    expect(moved.status).toBe(200);
    const card = cardOf(await board('', moved.body.position), customerId);
    expect(card).toMatchObject({ stepId: journey.steps[0].id, isNew: true, progress: { done: 0, total: 4 } });

    const worked = await moveTo(customerId, journey.steps[1].id);
    expect(cardOf(await board('', worked.body.position), customerId)).toMatchObject({ isNew: false });

    const other = await t.http.get(`/wallets/${otherWalletId}/board?minPosition=${worked.body.position}`).set(as());
    expect(cardOf(other.body, customerId)).toBeUndefined();
  });

  it('counts a customer in a wallet without a journey, with no columns', async () => {
    const customerId = await register('Eva Nunes');
    const placed = await placeIn(customerId, noJourneyWalletId);
    expect(placed.status).toBe(200);
    const res = await t.http.get(`/wallets/${noJourneyWalletId}/board?minPosition=${placed.body.position}`).set(as('auditor'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ walletId: noJourneyWalletId, journey: null, total: 1, columns: [] });
  });

  it('follows the customer’s name as it is edited', async () => {
    const customerId = await register('Fábio');
    await placeIn(customerId, walletId);
    const edited = await t.http.patch(`/customers/${customerId}`).set(as()).send({ name: 'Fábio Melo' });
    expect(cardOf(await board('', edited.body.position), customerId)).toMatchObject({ name: 'Fábio Melo' });
  });

  it('rebuilds the board projection from zero into the same board', async () => {
    const last = await placeIn(await register('Rebuild'), walletId);
    const before = await board('', last.body.position);

    await rebuildAndWaitForSwitch(t, 'wallet-board');
    expect(await board('', last.body.position)).toEqual(before);
  });

  describe('refusals append nothing', () => {
    let customerId: string;
    let outsider: string;
    let before: number;
    beforeAll(async () => {
      setClock('2026-03-10T09:00:00Z');
      customerId = await register('Gabi Prado');
      await placeIn(customerId, walletId);
      outsider = await register('Sem carteira');
    });
    beforeEach(async () => {
      before = await eventCount();
    });
    afterEach(async () => {
      expect(await eventCount()).toBe(before);
    });

    it('PUT wallet: 404 for an unknown customer or wallet, 400 for a bad body or id', async () => {
      expect((await placeIn(randomUUID(), walletId)).status).toBe(404);
      expect((await placeIn(customerId, randomUUID())).status).toBe(404);
      const badBody = await placeIn(customerId, 'not-a-uuid');
      expect(badBody.status).toBe(400);
      expect(badBody.body.errors[0].field).toBe('walletId');
      const noBody = await t.http.put(`/customers/${customerId}/wallet`).set(as()).send({});
      expect(noBody.body.errors[0].field).toBe('walletId');
      const badId = await t.http.put('/customers/nope/wallet').set(as()).send({ walletId });
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].field).toBe('id');
    });

    it('stage: 422 for a step of another journey or a customer in no wallet, 404 for an unknown customer, 400 for a bad step id', async () => {
      const foreign = await moveTo(customerId, otherJourney.steps[0].id);
      expect(foreign.status).toBe(422);
      expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'stepId' })]);
      expect((await moveTo(customerId, randomUUID())).status).toBe(422);
      // In no wallet: a state of the customer, not of an input field.
      const outside = await moveTo(outsider, journey.steps[1].id);
      expect(outside.status).toBe(422);
      expect(outside.body.errors).toBeUndefined();
      expect((await moveTo(randomUUID(), journey.steps[1].id)).status).toBe(404);
      const bad = await moveTo(customerId, 'step-2');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('stepId');
    });

    it('milestone: 404 outside the journey, 422 in the future, 400 for a malformed or impossible date', async () => {
      const milestone = journey.steps[0].milestones[0].id;
      expect((await complete(customerId, otherJourney.steps[0].milestones[0].id, '2026-03-10')).status).toBe(404);
      expect((await complete(randomUUID(), milestone, '2026-03-10')).status).toBe(404);
      expect((await complete(outsider, milestone, '2026-03-10')).status).toBe(422);
      // 01:00 UTC on the 11th is still the 10th in São Paulo.
      setClock('2026-03-11T01:00:00Z');
      const future = await complete(customerId, milestone, '2026-03-11');
      expect(future.status).toBe(422);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'completedOn' })]);
      for (const completedOn of ['10/03/2026', '2026-02-30', 20260310]) {
        const res = await complete(customerId, milestone, completedOn as string);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe('completedOn');
      }
      const badMilestone = await t.http.post(`/customers/${customerId}/milestones/m1/complete`).set(as()).send({ completedOn: '2026-03-10' });
      expect(badMilestone.status).toBe(400);
      expect(badMilestone.body.errors[0].field).toBe('milestoneId');
    });

    it('403 for read-only roles on the commands', async () => {
      for (const role of ['readonly', 'auditor'] as const) {
        expect((await t.http.put(`/customers/${customerId}/wallet`).set(as(role)).send({ walletId: otherWalletId })).status).toBe(403);
        expect((await t.http.post(`/customers/${customerId}/stage`).set(as(role)).send({ stepId: journey.steps[1].id })).status).toBe(403);
      }
    });

    it('board: 404 for an unknown wallet, 400 for a bad filter or id', async () => {
      expect((await t.http.get(`/wallets/${randomUUID()}/board`).set(as())).status).toBe(404);
      const badStatus = await t.http.get(`/wallets/${walletId}/board?milestoneStatus=overdue`).set(as());
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.errors[0].field).toBe('milestoneStatus');
      expect((await t.http.get('/wallets/nope/board').set(as())).status).toBe(400);
    });
  });
});
