import { positionToString } from '@trilha/event-store';
import type { Role } from '../../apps/api/src/platform';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The broker's portfolio (issue 6, T12): responsible broker or manager of the customer's wallet;
 * decided from the streams (so it holds right after a write); lists show only the portfolio.
 */
describe('broker portfolio', () => {
  const NOW = new Date('2026-03-10T12:00:00Z');
  const env = { ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: '', TRILHA_COMMAND_RATE_LIMIT: '0' };
  let t: TestApp;
  let walletOfBia: string;
  let otherWallet: string;
  let journeyId: string;

  const as = (role: Role, user: string) => ({ Authorization: `Bearer ${t.token(role, user)}` });
  const admin = () => as('admin', 'u-admin');
  const head = async () => {
    const position = await t.eventStore.headPosition();
    return position ? positionToString(position) : null;
  };

  async function register(brokerId?: string): Promise<{ id: string; position: string }> {
    const res = await t.http.post('/customers').set(admin()).send({ name: 'Carla Cliente', ...(brokerId ? { brokerId } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function placeIn(customerId: string, walletId: string): Promise<string> {
    const res = await t.http.put(`/customers/${customerId}/wallet`).set(admin()).send({ walletId });
    expect(res.status).toBe(200);
    return res.body.position;
  }

  beforeAll(async () => {
    t = await startTestApp(env, { clock: () => NOW });
    const journey = (await t.http.post('/journeys').set(admin()).send({ name: 'J', steps: [{ name: 'Começo', milestones: [{ name: 'M', days: 3 }] }] })).body;
    journeyId = journey.id;
    walletOfBia = (await t.http.post('/wallets').set(admin()).send({ name: 'Carteira da Bia', managerId: 'bia', journeyId: journey.id })).body.id;
    otherWallet = (await t.http.post('/wallets').set(admin()).send({ name: 'Outra carteira', managerId: 'mgr', journeyId: journey.id })).body.id;
  });
  afterAll(() => t.close());

  describe('one customer', () => {
    it('a broker reaches a customer in a wallet they manage, and loses it the moment it moves to another wallet', async () => {
      const { id } = await register('someone-else');
      expect((await t.http.post(`/customers/${id}/objective`).set(as('broker', 'bia')).send({ objective: 'Comprar' })).status).toBe(404);

      await placeIn(id, walletOfBia);
      expect((await t.http.post(`/customers/${id}/objective`).set(as('broker', 'bia')).send({ objective: 'Comprar' })).status).toBe(200);
      expect((await t.http.post(`/customers/${id}/objective`).set(as('broker', 'caio')).send({ objective: 'Alugar' })).status).toBe(404);

      await placeIn(id, otherWallet);
      expect((await t.http.post(`/customers/${id}/objective`).set(as('broker', 'bia')).send({ objective: 'Alugar' })).status).toBe(404);
      expect((await t.http.post(`/customers/${id}/objective`).set(as('broker', 'someone-else')).send({ objective: 'Alugar' })).status).toBe(200);
    });

    it('a broker acts on a customer given to them at once, without waiting for any read model', async () => {
      const { id } = await register('caio');
      const given = await t.http.patch(`/customers/${id}`).set(as('manager', 'u-manager')).send({ brokerId: 'davi' });
      expect(given.status).toBe(200);
      expect((await t.http.post(`/customers/${id}/temperature`).set(as('broker', 'davi')).send({ temperature: 'hot' })).status).toBe(200);
      expect((await t.http.post(`/customers/${id}/temperature`).set(as('broker', 'caio')).send({ temperature: 'cold' })).status).toBe(404);
    });

    it('an id in capitals is the same customer; an id that is not a UUID is the route’s 400', async () => {
      const { id, position } = await register('caio');
      const upper = id.toUpperCase();
      expect((await t.http.get(`/customers/${upper}?minPosition=${position}`).set(as('broker', 'caio'))).status).toBe(200);
      const outside = await t.http.get(`/customers/${upper}`).set(as('broker', 'davi'));
      expect(outside.status).toBe(404);
      expect(outside.body.detail).toBe(`Customer ${id} does not exist`);
      const malformed = await t.http.get('/customers/not-a-uuid').set(as('broker', 'davi'));
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });

    it('an appointment of a customer outside the portfolio is unknown to the broker, and nothing is appended', async () => {
      const { id: customerId } = await register('caio');
      const appointment = (await t.http.post('/appointments').set(admin()).send({ customerId, scheduledFor: '2026-03-12T14:00:00Z' })).body.id;
      const before = await head();
      const res = await t.http.post(`/appointments/${appointment}/confirm`).set(as('broker', 'davi'));
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe(`Appointment ${appointment} does not exist`);
      expect(await head()).toBe(before);
      expect((await t.http.post(`/appointments/${appointment}/confirm`).set(as('broker', 'caio'))).status).toBe(200);
    });
  });

  describe('a broker registering or editing the responsible broker', () => {
    it('registers for themselves by default, and can act on the new customer at once', async () => {
      const res = await t.http.post('/customers').set(as('broker', 'eva')).send({ name: 'Novo Lead' });
      expect(res.status).toBe(201);
      expect((await t.http.post(`/customers/${res.body.id}/comments`).set(as('broker', 'eva')).send({ text: 'Primeiro contato' })).status).toBe(201);
      const detail = await t.http.get(`/customers/${res.body.id}?minPosition=${res.body.position}`).set(admin());
      expect(detail.body.brokerId).toBe('eva');
    });

    it('may name themselves, not someone else (403, nothing appended)', async () => {
      expect((await t.http.post('/customers').set(as('broker', 'eva')).send({ name: 'Lead', brokerId: 'eva' })).status).toBe(201);
      const before = await head();
      const refused = await t.http.post('/customers').set(as('broker', 'eva')).send({ name: 'Lead', brokerId: 'caio' });
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.detail).toMatch(/brokerId/);
      expect(await head()).toBe(before);
    });

    it('cannot hand their customer to another broker; a manager can', async () => {
      const { id } = await register('eva');
      const before = await head();
      expect((await t.http.patch(`/customers/${id}`).set(as('broker', 'eva')).send({ brokerId: 'caio' })).status).toBe(403);
      expect(await head()).toBe(before);
      expect((await t.http.patch(`/customers/${id}`).set(as('broker', 'eva')).send({ channel: 'loja', brokerId: 'eva' })).status).toBe(200);
      expect((await t.http.patch(`/customers/${id}`).set(as('manager', 'u-manager')).send({ brokerId: 'caio' })).status).toBe(200);
    });
  });

  describe('lists show a broker only their portfolio', () => {
    let mine: string;
    let managed: string;
    let theirs: string;
    let position: string;
    let boardWallet: string;

    beforeAll(async () => {
      boardWallet = (await t.http.post('/wallets').set(admin()).send({ name: 'Carteira do board', managerId: 'gil', journeyId })).body.id;
      mine = (await register('fabi')).id;
      theirs = (await register('gil')).id;
      managed = (await register('hugo')).id;
      await placeIn(mine, boardWallet);
      await placeIn(theirs, boardWallet);
      await placeIn(managed, walletOfBia);
      for (const customerId of [mine, theirs, managed]) {
        const res = await t.http.post('/appointments').set(admin()).send({ customerId, scheduledFor: '2026-03-12T14:00:00Z' });
        expect(res.status).toBe(201);
        position = res.body.position;
      }
    });

    const cardsOf = (board: { columns: { cards: { customerId: string }[] }[] }) => board.columns.flatMap((c) => c.cards.map((card) => card.customerId)).sort();

    it('the board of another manager’s wallet: only their own customers, and the total counts what they see', async () => {
      const asBroker = await t.http.get(`/wallets/${boardWallet}/board?minPosition=${position}`).set(as('broker', 'fabi'));
      expect(asBroker.status).toBe(200);
      expect(cardsOf(asBroker.body)).toEqual([mine]);
      expect(asBroker.body.total).toBe(1);
      const asManager = await t.http.get(`/wallets/${boardWallet}/board?minPosition=${position}`).set(as('manager', 'u-manager'));
      expect(cardsOf(asManager.body)).toEqual([mine, theirs].sort());
    });

    it('the board of a wallet the broker manages: every card', async () => {
      const res = await t.http.get(`/wallets/${boardWallet}/board?minPosition=${position}`).set(as('broker', 'gil'));
      expect(cardsOf(res.body)).toEqual([mine, theirs].sort());
    });

    it('the calendar and its days: only the actions of the portfolio’s customers', async () => {
      const day = async (role: Role, user: string) =>
        (await t.http.get(`/calendar/2026-03-12?minPosition=${position}`).set(as(role, user))).body.actions.map((a: { customerId: string }) => a.customerId).sort();
      expect(await day('broker', 'fabi')).toEqual([mine]);
      expect(await day('broker', 'bia')).toEqual([managed]);
      expect(await day('readonly', 'u-readonly')).toEqual(expect.arrayContaining([mine, theirs, managed]));

      const month = await t.http.get(`/calendar?from=2026-03-01&to=2026-03-31&minPosition=${position}`).set(as('broker', 'fabi'));
      expect(month.body.days).toEqual([expect.objectContaining({ date: '2026-03-12', total: 1 })]);
      const nobody = await t.http.get(`/calendar?from=2026-03-01&to=2026-03-31&minPosition=${position}`).set(as('broker', 'nobody'));
      expect(nobody.body.days).toEqual([]);
    });
  });
});
