import { randomUUID } from 'node:crypto';
import { customerStreamId } from '@trilha/domain';
import { positionToString } from '@trilha/event-store';
import { embeddedStores, mongoDbDouble, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const UNKNOWN = '7d7e2c52-3f1d-4b7e-8d0a-1b2c3d4e5f60';
type Item = { id: string; at: string; type: string; actor: { id: string | null; role: string | null; kind: string }; summary: string; data: Record<string, unknown> };
type Page = { items: Item[]; nextCursor: string | null };

describeTimelineOverHttp('the customer timeline over HTTP on the embedded stores (T18)', embeddedStores);
describeTimelineOverHttp('the customer timeline over HTTP with the read models on MongoDB (wire double) (T18)', mongoDbDouble);

/**
 * A clock the test moves, in the days of São Paulo (UTC−3 in March 2026): every entry's `at` is
 * the clock's instant when its command ran.
 */
function describeTimelineOverHttp(label: string, environment: StoreEnvironment) {
  describe(label, () => {
    let t: TestApp;
    let now = new Date('2026-03-10T12:00:00Z');
    const setClock = (instant: string) => {
      now = new Date(instant);
    };

    beforeAll(async () => {
      t = await startTestAppOn(environment, { env: { TRILHA_TIMEZONE: 'America/Sao_Paulo' }, clock: () => now });
    });
    afterAll(() => t.close());

    const as = (role: 'admin' | 'manager' | 'broker' | 'readonly' = 'broker', user = 'u7', name = 'Bruno Corretor') => ({
      Authorization: `Bearer ${t.token(role, user, name)}`,
    });
    let lastPosition = '0';
    async function send(method: 'post' | 'put', path: string, body?: object, who = as()) {
      const res = await t.http[method](path).set(who).send(body);
      if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      if (res.body.position) lastPosition = res.body.position;
      return res.body as { id: string; position: string; steps?: Array<{ id: string; milestones: Array<{ id: string }> }> };
    }
    const register = async (name: string) => (await send('post', '/customers', { name })).id;
    const timeline = (id: string, query = '', who = as('readonly', 'u9', 'Rita Leitora')) =>
      t.http.get(`/customers/${id}/timeline?minPosition=${lastPosition}${query}`).set(who);
    const page = async (id: string, query = ''): Promise<Page> => {
      const res = await timeline(id, query);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body;
    };

    /** A customer-originated entry: appended as a chat message would be (T16 has no route yet). */
    async function customerWrites(customerId: string, text: string) {
      const result = await t.eventStore.append(
        customerStreamId(customerId),
        [
          {
            id: randomUUID(),
            type: 'CommentAdded',
            data: { customerId, commentId: randomUUID(), text },
            metadata: { actor: { id: customerId, role: 'customer', kind: 'customer' }, occurredAt: now.toISOString(), schemaVersion: 1 },
          },
        ],
        'any',
      );
      lastPosition = positionToString(result.position);
    }

    describe('a customer’s story', () => {
      let customerId: string;
      let story: Page;

      beforeAll(async () => {
        setClock('2026-03-10T12:00:00Z');
        const journey = await send(
          'post',
          '/journeys',
          { name: 'Onboarding', steps: [{ name: 'Boas-vindas', milestones: [{ name: 'Kickoff', days: 2 }] }, { name: 'Adoção', milestones: [] }] },
          as('admin', 'u1', 'Ana Admin'),
        );
        const premium = await send('post', '/wallets', { name: `Premium ${randomUUID().slice(0, 6)}`, managerId: 'u2', journeyId: journey.id }, as('admin', 'u1', 'Ana Admin'));

        customerId = (await send('post', '/customers', { name: 'Maria Silva', origin: { entryMethod: 'chatbot' } })).id;
        setClock('2026-03-10T12:01:00Z');
        await send('post', `/customers/${customerId}/temperature`, { temperature: 'warm' });
        setClock('2026-03-10T12:02:00Z');
        await send('post', `/customers/${customerId}/temperature`, { temperature: 'hot' }, as('manager', 'u2', 'Marta Gerente'));
        setClock('2026-03-10T12:03:00Z');
        const proposal = await send('post', `/customers/${customerId}/proposals`, { productId: 'apt-301', amount: '1500.00' });
        setClock('2026-03-10T12:04:00Z');
        await send('post', `/customers/${customerId}/proposals/${proposal.id}/sale`);
        setClock('2026-03-10T12:05:00Z');
        await send('post', `/customers/${customerId}/comments`, { text: 'Prefere contato à tarde' });
        setClock('2026-03-10T12:06:00Z');
        await send('put', `/customers/${customerId}/wallet`, { walletId: premium.id });
        setClock('2026-03-10T12:07:00Z');
        await send('post', `/customers/${customerId}/milestones/${journey.steps![0].milestones[0].id}/complete`, { completedOn: '2026-03-10' });
        setClock('2026-03-10T12:08:00Z');
        await send('post', `/customers/${customerId}/stage`, { stepId: journey.steps![1].id });
        setClock('2026-03-10T12:09:00Z');
        const visit = await send('post', '/appointments', { customerId, scheduledFor: '2026-03-12T14:00:00-03:00', kind: 'visit' });
        setClock('2026-03-10T12:10:00Z');
        await send('post', `/appointments/${visit.id}/lost`, { reason: 'Desistiu da compra' });
        story = await page(customerId);
      });

      it('lists an entry per event newest first, worded in pt-BR, with names looked up', () => {
        expect(story.items.map((i) => [i.type, i.summary])).toEqual([
          ['appointment_lost', 'Visita perdida: Desistiu da compra'],
          ['appointment_scheduled', 'Visita agendada para 12/03/2026 às 14:00'],
          ['stage_moved', 'Etapa alterada de Boas-vindas para Adoção'],
          ['milestone_completed', 'Marco Kickoff concluído em 10/03/2026'],
          ['placed_in_wallet', expect.stringMatching(/^Cliente colocado na carteira Premium \w+, na etapa Boas-vindas$/)],
          ['comment_added', 'Comentário: Prefere contato à tarde'],
          ['lead_status_changed', 'Status do lead alterado de Em progresso para Venda'],
          ['proposal_marked_as_sale', 'Proposta de R$ 1.500,00 marcada como venda'],
          ['lead_status_changed', 'Status do lead alterado de Novo para Em progresso'],
          ['proposal_registered', 'Proposta registrada: R$ 1.500,00'],
          ['temperature_changed', 'Temperatura alterada de morna para quente'],
          ['temperature_changed', 'Temperatura definida como morna'],
          ['customer_registered', 'Cliente cadastrado pelo chatbot'],
        ]);
        expect(story.nextCursor).toBeNull();
      });

      it('gives each entry its event id, occurredAt, and actor with role and kind', async () => {
        const events = await t.eventStore.readStream(customerStreamId(customerId));
        const hot = events.find((e) => e.type === 'TemperatureChanged' && e.data.to === 'hot')!;
        expect(story.items.find((i) => i.id === hot.id)).toEqual({
          id: hot.id,
          at: '2026-03-10T12:02:00.000Z',
          type: 'temperature_changed',
          actor: { id: 'u2', role: 'manager', kind: 'user' },
          summary: 'Temperatura alterada de morna para quente',
          data: { from: 'warm', to: 'hot' },
        });
        expect(new Set(story.items.map((i) => i.id)).size).toBe(story.items.length);
        expect(story.items.filter((i) => i.actor.id === 'u7').every((i) => i.actor.role === 'broker' && i.actor.kind === 'user')).toBe(true);
        expect(story.items.find((i) => i.type === 'placed_in_wallet')?.data).toMatchObject({ walletName: expect.stringMatching(/^Premium /), journeyName: 'Onboarding', stepName: 'Boas-vindas' });
      });

      it('filters by one type, a comma-separated list, or the parameter repeated', async () => {
        expect((await page(customerId, '&type=temperature_changed')).items.map((i) => i.summary)).toEqual([
          'Temperatura alterada de morna para quente',
          'Temperatura definida como morna',
        ]);
        const listed = await page(customerId, '&type=comment_added,customer_registered');
        expect(listed.items.map((i) => i.type)).toEqual(['comment_added', 'customer_registered']);
        expect((await page(customerId, '&type=comment_added&type=customer_registered')).items).toEqual(listed.items);
        expect((await page(customerId, '&type=disinterest_informed')).items).toEqual([]);
      });

      it('shows what the customer did apart from what users did', async () => {
        setClock('2026-03-10T12:11:00Z');
        await customerWrites(customerId, 'Oi, ainda tenho interesse!');
        const mine = await page(customerId, '&actor=customer');
        expect(mine.items.map((i) => [i.summary, i.actor])).toEqual([['Comentário: Oi, ainda tenho interesse!', { id: customerId, role: 'customer', kind: 'customer' }]]);
        const users = await page(customerId, '&actor=user');
        expect(users.items).toHaveLength(story.items.length);
        expect(users.items.every((i) => i.actor.kind === 'user')).toBe(true);
        expect((await page(customerId, '&actor=customer&type=temperature_changed')).items).toEqual([]);
      });
    });

    it('filters by period: dates are whole days of São Paulo, instants are taken as given, both ends inclusive', async () => {
      const id = await register('Período');
      const times = ['2026-03-09T14:00:00Z', '2026-03-11T01:00:00Z', '2026-03-11T03:00:00Z', '2026-03-12T02:59:59Z', '2026-03-12T03:00:00Z'];
      for (const [i, instant] of times.entries()) {
        setClock(instant);
        await send('post', `/customers/${id}/objective`, { objective: `objetivo ${i}` });
      }
      const objectives = async (query: string) => (await page(id, `&type=objective_changed${query}`)).items.map((i) => i.data.to);
      // 01:00Z on the 11th is 22:00 on the 10th in São Paulo; 02:59:59Z on the 12th is still the 11th.
      expect(await objectives('&from=2026-03-10&to=2026-03-10')).toEqual(['objetivo 1']);
      expect(await objectives('&from=2026-03-11&to=2026-03-11')).toEqual(['objetivo 3', 'objetivo 2']);
      expect(await objectives('&from=2026-03-11')).toEqual(['objetivo 4', 'objetivo 3', 'objetivo 2']);
      expect(await objectives('&to=2026-03-10')).toEqual(['objetivo 1', 'objetivo 0']);
      expect(await objectives(`&from=${encodeURIComponent('2026-03-11T00:00:00-02:00')}&to=2026-03-12T02:59:59Z`)).toEqual(['objetivo 3', 'objetivo 2']);
      expect(await objectives('&from=2026-03-12T03:00:00.000Z&to=2026-03-12T03:00:00Z')).toEqual(['objetivo 4']);
      expect(await objectives('&from=2026-04-01')).toEqual([]);
    });

    it('pages newest first with the opaque cursor: no duplicates, no gaps, the same entries as one page', async () => {
      const id = await register('Paginada');
      // Several entries share an instant: the tie-break keeps them in reverse recording order.
      setClock('2026-03-15T10:00:00Z');
      for (const temperature of ['cold', 'warm', 'hot', 'cold', 'warm']) await send('post', `/customers/${id}/temperature`, { temperature });
      setClock('2026-03-15T11:00:00Z');
      for (let i = 0; i < 4; i++) await send('post', `/customers/${id}/comments`, { text: `comentário ${i}` });
      const whole = await page(id);
      expect(whole.items).toHaveLength(10);
      expect(whole.items.map((i) => i.summary).slice(0, 5)).toEqual(['Comentário: comentário 3', 'Comentário: comentário 2', 'Comentário: comentário 1', 'Comentário: comentário 0', 'Temperatura alterada de fria para morna']);

      for (const [query, sizes] of [['&limit=3', [3, 3, 3, 1]], ['&limit=4&type=temperature_changed', [4, 1]], ['&limit=10', [10]]] as const) {
        const seen: Item[] = [];
        const pageSizes: number[] = [];
        let cursor: string | null = null;
        do {
          const next: Page = await page(id, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          pageSizes.push(next.items.length);
          seen.push(...next.items);
          cursor = next.nextCursor;
        } while (cursor);
        expect({ query, pageSizes }).toEqual({ query, pageSizes: [...sizes] });
        const expected = query.includes('type=') ? whole.items.filter((i) => i.type === 'temperature_changed') : whole.items;
        expect(seen).toEqual(expected);
      }
    });

    it('answers a customer with only their registration, to every role', async () => {
      // The broker's own customer: a broker reads only their portfolio.
      const id = (await send('post', '/customers', { name: 'Recém-chegada', brokerId: 'user-broker' }, as('manager', 'u2', 'Marta Gerente'))).id;
      for (const role of ['readonly', 'broker', 'manager', 'admin'] as const) {
        const res = await timeline(id, '', as(role, `user-${role}`));
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: Item) => i.type)).toEqual(['customer_registered']);
      }
    });

    it('404 for an unknown customer; 400 naming the field for a bad id, type, actor, period, limit or cursor; nothing appended', async () => {
      const id = await register('Entradas ruins');
      const before = (await t.eventStore.readAll()).length;
      expect((await timeline(UNKNOWN)).status).toBe(404);
      const cases: Array<[string, string, string]> = [
        ['not-a-uuid', '', 'id'],
        [id, '&type=temperature', 'type'],
        [id, '&type=temperature_changed,TemperatureChanged', 'type'],
        [id, '&type=', 'type'],
        [id, '&type=comment_added,', 'type'],
        [id, '&actor=robot', 'actor'],
        [id, '&from=2026-02-30', 'from'],
        [id, '&from=yesterday', 'from'],
        [id, '&to=2026-03-10T10:00:00', 'to'],
        [id, '&from=2026-03-11&to=2026-03-10', 'to'],
        [id, '&from=2026-03-10T12:00:00Z&to=2026-03-10T11:59:59Z', 'to'],
        [id, '&limit=0', 'limit'],
        [id, '&limit=501', 'limit'],
        [id, '&limit=ten', 'limit'],
        [id, '&cursor=not-a-cursor', 'cursor'],
        [id, '&minPosition=x', 'minPosition'],
        [id, '&sort=asc', 'sort'],
      ];
      for (const [customer, query, field] of cases) {
        const res = await t.http.get(`/customers/${customer}/timeline?${query.slice(1)}`).set(as());
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect({ query, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ query, fields: expect.arrayContaining([field]) });
      }
      expect((await t.eventStore.readAll()).length).toBe(before);
    });

    it('names the unknown type and the known ones in the 400', async () => {
      const id = await register('Tipo desconhecido');
      const res = await timeline(id, '&type=comment_added,chat_message');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toContain('"chat_message"');
      expect(res.body.errors[0].message).toContain('temperature_changed');
    });

    it('401 without a token', async () => {
      expect((await t.http.get(`/customers/${UNKNOWN}/timeline`)).status).toBe(401);
    });
  });
}
