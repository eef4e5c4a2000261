import { customerStreamId } from '@trilha/domain';
import type { Role } from '../apps/api/src/platform';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { refusalsOn } from './support/refusals';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = '2026-03-12';
const env = { TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_SCHEDULER_INTERVAL_MS: '0', TRILHA_TIMEZONE: '' };
const UNKNOWN = '5d1b3c2a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/**
 * T9 and T12 over HTTP: marking a customer as non-customer and setting a portfolio exception,
 * each undone; what the detail and the timeline show; refusals append nothing; and the customer
 * leaving every broker's portfolio (one customer: at once; lists: board and calendar) while
 * admins and managers keep seeing and acting on it.
 */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`non-customer and portfolio exceptions over HTTP (T9, T12) ${stores}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestAppOn(environment, { env, clock: () => NOW });
    });
    afterAll(() => t.close());

    const as = (role: Role = 'admin', user = 'u-admin') => ({ Authorization: `Bearer ${t.token(role, user, `User ${user}`)}` });
    const register = async (brokerId = 'bia') => (await t.http.post('/customers').set(as()).send({ name: 'Nina Fornecedora', brokerId })).body.id as string;
    const mark = (id: string, body: unknown, who = as()) => t.http.post(`/customers/${id}/non-customer`).set(who).send(body as object);
    const unmark = (id: string, who = as('manager', 'u-manager')) => t.http.delete(`/customers/${id}/non-customer`).set(who);
    const setException = (id: string, exception: string, who = as('manager', 'u-manager')) => t.http.put(`/customers/${id}/portfolio-exceptions/${exception}`).set(who);
    const clearException = (id: string, exception: string, who = as('manager', 'u-manager')) => t.http.delete(`/customers/${id}/portfolio-exceptions/${exception}`).set(who);
    const detail = async (id: string, position: string) => (await t.http.get(`/customers/${id}?minPosition=${position}`).set(as('readonly', 'u-readonly'))).body;
    const stream = async (id: string) => (await t.eventStore.readStream(customerStreamId(id))).map((e) => ({ type: e.type, data: e.data }));
    const summaries = async (id: string, position: string) =>
      (
        await t.http
          .get(`/customers/${id}/timeline?type=non_customer_marked,non_customer_unmarked,portfolio_exception_set,portfolio_exception_cleared&minPosition=${position}`)
          .set(as('readonly', 'u-readonly'))
      ).body.items.map((i: { summary: string }) => i.summary);
    const refused = refusalsOn(() => t.eventStore);

    describe('non-customer (T9)', () => {
      it('marks a customer: the detail shows kind, note, since and who; the timeline an entry; the same kind and note again append nothing', async () => {
        const id = await register();
        const marked = await mark(id, { kind: 'supplier', note: '  Fornece os móveis do estande ' }, as('broker', 'bia'));
        expect(marked.status).toBe(200);
        expect(marked.body).toEqual({ id, revision: '1', position: expect.any(String) });
        expect((await stream(id)).slice(1)).toEqual([{ type: 'MarkedAsNonCustomer', data: { customerId: id, kind: 'supplier', note: 'Fornece os móveis do estande' } }]);

        const again = await mark(id, { kind: 'supplier', note: 'Fornece os móveis do estande' });
        expect(again.status).toBe(200);
        expect(again.body).toEqual({ id, revision: '1', position: expect.any(String) });
        expect(await stream(id)).toHaveLength(2);

        expect((await detail(id, marked.body.position)).nonCustomer).toEqual({
          kind: 'supplier',
          note: 'Fornece os móveis do estande',
          since: NOW.toISOString(),
          by: { id: 'bia', role: 'broker', name: 'User bia' },
        });
        expect(await summaries(id, marked.body.position)).toEqual(['Definido como não cliente (fornecedor): Fornece os móveis do estande']);
      });

      it('changes the kind (keeping since), then undoes the marking; undoing again appends nothing', async () => {
        const id = await register();
        await mark(id, { kind: 'test', note: 'Cadastro do treinamento' });
        const changed = await mark(id, { kind: 'employee' });
        expect(changed.body.revision).toBe('2');
        expect((await detail(id, changed.body.position)).nonCustomer).toEqual({ kind: 'employee', note: null, since: NOW.toISOString(), by: expect.objectContaining({ id: 'u-admin' }) });

        const undone = await unmark(id);
        expect(undone.status).toBe(200);
        expect(undone.body.revision).toBe('3');
        const repeated = await unmark(id);
        expect(repeated.body).toEqual({ id, revision: '3', position: expect.any(String) });
        expect((await detail(id, undone.body.position)).nonCustomer).toBeNull();
        expect(await summaries(id, undone.body.position)).toEqual([
          'Definição como não cliente (colaborador) desfeita',
          'Não cliente alterado de teste para colaborador',
          'Definido como não cliente (teste): Cadastro do treinamento',
        ]);
        expect((await stream(id)).slice(2)).toEqual([
          { type: 'MarkedAsNonCustomer', data: { customerId: id, kind: 'employee', fromKind: 'test' } },
          { type: 'UnmarkedAsNonCustomer', data: { customerId: id, kind: 'employee' } },
        ]);
      });

      it.each([
        ['no kind', 'kind', {}],
        ['a kind it does not know', 'kind', { kind: 'friend' }],
        ['a kind that is not a text', 'kind', { kind: 3 }],
        ['a note that is not a text', 'note', { kind: 'test', note: 42 }],
        ['a note of 4001 characters', 'note', { kind: 'test', note: 'x'.repeat(4001) }],
        ['an unknown field', 'reason', { kind: 'test', reason: 'x' }],
      ])('refuses %s with 400 naming %s, appending nothing', async (_case, field, body) => {
        const id = await register();
        await refused(() => mark(id, body), 400, field);
      });
    });

    describe('portfolio exceptions (T12)', () => {
      it('sets exceptions, shown on the detail oldest first; setting one again or clearing one not set appends nothing', async () => {
        const id = await register();
        const denied = await setException(id, 'deny_list');
        expect(denied.status).toBe(200);
        expect(denied.body).toEqual({ id, revision: '1', position: expect.any(String) });
        expect((await setException(id, 'deny_list')).body.revision).toBe('1');
        const expired = await setException(id, 'expired');
        expect(expired.body.revision).toBe('2');
        expect((await detail(id, expired.body.position)).portfolioExceptions).toEqual([
          { exception: 'deny_list', since: NOW.toISOString(), by: { id: 'u-manager', role: 'manager', name: 'User u-manager' } },
          { exception: 'expired', since: NOW.toISOString(), by: { id: 'u-manager', role: 'manager', name: 'User u-manager' } },
        ]);

        const cleared = await clearException(id, 'deny_list');
        expect(cleared.status).toBe(200);
        expect(cleared.body.revision).toBe('3');
        expect((await clearException(id, 'deny_list')).body.revision).toBe('3');
        expect((await clearException(id, 'active_offer')).body.revision).toBe('3');
        expect((await detail(id, cleared.body.position)).portfolioExceptions).toEqual([expect.objectContaining({ exception: 'expired' })]);
        expect(await summaries(id, cleared.body.position)).toEqual([
          'Exceção de carteira removida: Deny List',
          'Exceção de carteira definida: Cliente Expirado',
          'Exceção de carteira definida: Deny List',
        ]);
      });

      it('refuses an exception it does not know with 400 naming exception, appending nothing', async () => {
        const id = await register();
        await refused(() => setException(id, 'vip'), 400, 'exception');
        await refused(() => clearException(id, 'EXPIRED'), 400, 'exception');
      });

      it('refuses a body, which these routes do not read, with 400 naming body', async () => {
        const id = await register();
        await refused(() => t.http.put(`/customers/${id}/portfolio-exceptions/expired`).set(as()).send({ reason: 'x' }), 400, 'body');
      });
    });

    it('answers 404 for an unknown customer and 409 for a deleted one on every route, appending nothing', async () => {
      const id = await register();
      await mark(id, { kind: 'test' });
      await setException(id, 'expired');
      expect((await t.http.delete(`/customers/${id}`).set(as('manager', 'u-manager'))).status).toBe(200);
      for (const [customer, status] of [
        [UNKNOWN, 404],
        [id, 409],
      ] as const) {
        await refused(() => mark(customer, { kind: 'other' }), status);
        await refused(() => unmark(customer), status);
        await refused(() => setException(customer, 'deny_list'), status);
        await refused(() => clearException(customer, 'expired'), status);
      }
    });

    it('lets a broker mark a lead of theirs, but not undo it nor set or clear an exception (403)', async () => {
      const id = await register('bia');
      const broker = as('broker', 'bia');
      await refused(() => setException(id, 'expired', broker), 403);
      await refused(() => clearException(id, 'expired', broker), 403);
      expect((await mark(id, { kind: 'test' }, broker)).status).toBe(200);
      await refused(() => unmark(id, broker), 403);
      // Another broker's customer is unknown to them, as for every customer route.
      const theirs = await register('caio');
      await refused(() => mark(theirs, { kind: 'test' }, broker), 404);
    });

    describe('out of every portfolio', () => {
      let walletId: string;
      beforeAll(async () => {
        const journey = (await t.http.post('/journeys').set(as()).send({ name: 'Jornada', steps: [{ name: 'Começo', milestones: [] }] })).body;
        walletId = (await t.http.post('/wallets').set(as()).send({ name: `Carteira do Gil ${stores}`, managerId: 'gil', journeyId: journey.id })).body.id;
      });

      /** A customer of broker bia in the wallet broker gil manages, with an appointment on DAY; `calendarAt`: the appointment's position. */
      async function customerOfBiaInGilsWallet(): Promise<{ id: string; calendarAt: string }> {
        const id = await register('bia');
        expect((await t.http.put(`/customers/${id}/wallet`).set(as()).send({ walletId })).status).toBe(200);
        const appointment = await t.http.post('/appointments').set(as()).send({ customerId: id, scheduledFor: `${DAY}T14:00:00Z` });
        expect(appointment.status).toBe(201);
        return { id, calendarAt: appointment.body.position };
      }

      const cardsOn = async (position: string, role: Role, user: string) => {
        const board = await t.http.get(`/wallets/${walletId}/board?minPosition=${position}`).set(as(role, user));
        expect(board.status).toBe(200);
        return board.body.columns.flatMap((c: { cards: { customerId: string }[] }) => c.cards.map((card) => card.customerId)) as string[];
      };
      const actionsOn = async (position: string, role: Role, user: string) => {
        const day = await t.http.get(`/calendar/${DAY}?minPosition=${position}`).set(as(role, user));
        expect(day.status).toBe(200);
        return day.body.actions.map((a: { customerId: string }) => a.customerId) as string[];
      };
      const reach = async (id: string, role: Role, user: string) => (await t.http.post(`/customers/${id}/objective`).set(as(role, user)).send({ objective: 'Comprar' })).status;

      /**
       * Who sees the customer where once the read models have `position`: its responsible broker,
       * the manager of its wallet, a manager. A broker's calendar is filtered through the customer
       * detail and the board, not through the calendar read model, which does not read these events:
       * it is asked at the appointment's position once both have `position`.
       */
      async function visibility(id: string, position: string, calendarAt: string) {
        await detail(id, position);
        const seen = async (role: Role, user: string) => ({
          reach: await reach(id, role, user),
          board: (await cardsOn(position, role, user)).includes(id),
          calendar: (await actionsOn(calendarAt, role, user)).includes(id),
        });
        return { bia: await seen('broker', 'bia'), gil: await seen('broker', 'gil'), manager: await seen('manager', 'u-manager') };
      }
      const everywhere = { reach: 200, board: true, calendar: true };
      const nowhere = { reach: 404, board: false, calendar: false };

      it('a broker who marks their lead as non-customer loses it at once and sees it leave the board and the calendar; a manager keeps it; undoing gives it back', async () => {
        const { id, calendarAt } = await customerOfBiaInGilsWallet();
        expect(await visibility(id, calendarAt, calendarAt)).toEqual({ bia: everywhere, gil: everywhere, manager: everywhere });

        const marked = await mark(id, { kind: 'employee', note: 'Corretora da equipe' }, as('broker', 'bia'));
        expect(marked.status).toBe(200);
        // At once, from the stream: no read model needed.
        const gone = await t.http.get(`/customers/${id}`).set(as('broker', 'bia'));
        expect(gone.status).toBe(404);
        expect(gone.body.detail).toBe(`Customer ${id} does not exist`);
        expect(await visibility(id, marked.body.position, calendarAt)).toEqual({ bia: nowhere, gil: nowhere, manager: everywhere });
        expect((await t.http.get(`/customers/${id}/timeline`).set(as('auditor', 'u-auditor'))).status).toBe(200);

        const undone = await unmark(id);
        expect(undone.status).toBe(200);
        expect((await t.http.get(`/customers/${id}?minPosition=${undone.body.position}`).set(as('broker', 'bia'))).status).toBe(200);
        expect(await visibility(id, undone.body.position, calendarAt)).toEqual({ bia: everywhere, gil: everywhere, manager: everywhere });
      });

      it('a portfolio exception takes the customer from every broker until the last one is cleared', async () => {
        const { id, calendarAt } = await customerOfBiaInGilsWallet();
        await setException(id, 'active_offer');
        const denied = await setException(id, 'deny_list');
        expect(await visibility(id, denied.body.position, calendarAt)).toEqual({ bia: nowhere, gil: nowhere, manager: everywhere });

        const one = await clearException(id, 'active_offer');
        expect(await visibility(id, one.body.position, calendarAt)).toEqual({ bia: nowhere, gil: nowhere, manager: everywhere });
        const last = await clearException(id, 'deny_list');
        expect(await visibility(id, last.body.position, calendarAt)).toEqual({ bia: everywhere, gil: everywhere, manager: everywhere });
      });

      it('keeps the customer out of the brokers’ lists, and its detail and timeline, through a rebuild', async () => {
        const { id, calendarAt } = await customerOfBiaInGilsWallet();
        await mark(id, { kind: 'test' });
        const expired = await setException(id, 'expired');
        await detail(id, expired.body.position);
        await summaries(id, expired.body.position);
        await cardsOn(expired.body.position, 'admin', 'u-admin');
        for (const projection of ['customer-detail', 'wallet-board', 'timeline']) await rebuildAndWaitForSwitch(t, projection);
        expect(await visibility(id, expired.body.position, calendarAt)).toEqual({ bia: nowhere, gil: nowhere, manager: everywhere });
        expect(await detail(id, expired.body.position)).toMatchObject({ nonCustomer: { kind: 'test', note: null }, portfolioExceptions: [expect.objectContaining({ exception: 'expired' })] });
        expect(await summaries(id, expired.body.position)).toEqual(['Exceção de carteira definida: Cliente Expirado', 'Definido como não cliente (teste)']);
      });
    });
  });
}
