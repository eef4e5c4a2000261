import type { KeyStore } from '@trilha/key-store';
import type { EventStore } from '@trilha/event-store';
import type { ProjectionHost, ProjectionInfo } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '@trilha/testing/esdb-double';
import { startMongoDbDouble, type MongoDbDouble } from '@trilha/testing/mongo-double';
import { openEventStore, openKeyStore, openReadStore } from '../apps/api/src/infrastructure/open-stores';
import { createProjectorHost } from '../apps/projector/src/projector-host';
import { startTestApp, type TestApp } from './support/test-app';

/** Business days are São Paulo's (UTC−3 in March 2026); the clock stands still. */
const NOW = new Date('2026-03-10T13:00:00Z');

/**
 * The production configuration of docker/compose.yml, minus the real servers: EVENTSTORE_URL at
 * the EventStoreDB gRPC double, MONGO_URL at the MongoDB wire double, the api without
 * projections (TRILHA_PROJECTIONS=off) and a projector beside it with connections of its own.
 * Commands go in over HTTP; every read model answers from MongoDB, and answers the same after
 * each projection is rebuilt blue/green.
 */
describe('production configuration: api and projector on EventStoreDB and MongoDB (wire doubles)', () => {
  let eventStoreDouble: EventStoreDbDouble;
  let mongoDouble: MongoDbDouble;
  let t: TestApp;
  let projector: { host: ProjectionHost; eventStore: EventStore; readStore: ReadStore; keyStore: KeyStore };

  const as = (role: Parameters<TestApp['token']>[0] = 'admin', user = 'u1', name = 'Ana Admin') => ({
    Authorization: `Bearer ${t.token(role, user, name)}`,
  });

  beforeAll(async () => {
    [eventStoreDouble, mongoDouble] = await Promise.all([startEventStoreDbDouble(), startMongoDbDouble()]);
    t = await startTestApp(
      {
        ...process.env,
        EVENTSTORE_URL: eventStoreDouble.url,
        MONGO_URL: mongoDouble.url,
        TRILHA_PROJECTIONS: 'off',
        TRILHA_TIMEZONE: 'America/Sao_Paulo',
      },
      { runProjections: false, clock: () => NOW },
    );
    // As apps/projector starts it, on the configuration the api resolved (same database).
    const eventStore = openEventStore(t.config);
    const readStore = openReadStore(t.config);
    const keyStore = openKeyStore(t.config);
    const host = createProjectorHost({ eventStore, readStore, keyStore });
    await host.start();
    projector = { host, eventStore, readStore, keyStore };
  });
  afterAll(async () => {
    await projector?.host.stop();
    await projector?.eventStore.close();
    await projector?.readStore.close();
    await projector?.keyStore.close();
    await t?.close();
    await eventStoreDouble?.stop();
    await mongoDouble?.stop();
  });

  /** The projections the projector runs, one per read model read below. */
  const PROJECTIONS = ['audit-changes', 'calendar', 'customer-contacts', 'customer-detail', 'customer-notes', 'journey-progress', 'lead-status-schedules', 'message-templates', 'timeline', 'wallet-board'];

  /**
   * The position of the last command. Every read waits for it, also in read models that do not
   * follow that command's stream: their projection passes over it by a checkpoint.
   */
  let lastPosition: string;
  async function command(method: 'post' | 'patch' | 'put', path: string, body?: object, headers = as()): Promise<{ id: string }> {
    const res = await t.http[method](path).set(headers).send(body);
    expect([200, 201]).toContain(res.status);
    lastPosition = res.body.position;
    return res.body;
  }

  /** A read model as of the last command; fails when the wait for it times out. */
  async function read(path: string): Promise<unknown> {
    const separator = path.includes('?') ? '&' : '?';
    const res = await t.http.get(`${path}${separator}minPosition=${lastPosition}`).set(as('readonly', 'viewer', 'Vera Leitora'));
    expect(res.status).toBe(200);
    return res.body;
  }

  const ids: Record<string, string> = {};
  let journey: { id: string; steps: { id: string; milestones: { id: string }[] }[] };
  /** What the read models answered right after the commands. */
  let answers: Record<string, unknown>;

  /** Every read model, each asked as of the last command. */
  async function readModels(): Promise<Record<string, unknown>> {
    return {
      maria: await read(`/customers/${ids.maria}`),
      joao: await read(`/customers/${ids.joao}`),
      mariaChanges: await read(`/customers/${ids.maria}/changes`),
      board: await read(`/wallets/${ids.wallet}/board`),
      wallets: await read('/wallets?managerId=mgr'),
      month: await read('/calendar?from=2026-03-01&to=2026-03-31&ownerId=u1'),
      day: await read('/calendar/2026-03-11'),
      timeline: await read(`/customers/${ids.maria}/timeline`),
      templates: await read('/message-templates'),
      joaoContacts: await read(`/customers/${ids.joao}/contacts`),
    };
  }

  it('applies commands over HTTP and serves each read model from MongoDB', async () => {
    expect(t.config).toMatchObject({ eventStoreUrl: eventStoreDouble.url, runProjections: false });
    expect(new URL(t.config.mongoUrl!).host).toBe(new URL(mongoDouble.url).host);

    ids.maria = (
      await command('post', '/customers', {
        name: 'Maria Silva',
        brokerId: 'u7', // Bruno places her in a wallet below: brokers act on their own customers
        phones: ['+55 11 98888-0000'],
        email: 'maria@example.com',
        temperature: 'warm',
        origin: { entryMethod: 'chatbot', site: 'example.com' },
      })
    ).id;
    await command('patch', `/customers/${ids.maria}`, { email: 'maria.silva@example.com', phones: ['+55 11 98888-0000', '+55 11 3333-0000'] }, as('manager', 'u2', 'Marta Gerente'));
    ids.joao = (await command('post', '/customers', { name: 'João Lima', brokerId: 'u7' })).id;

    journey = (await command('post', '/journeys', {
      name: 'Onboarding',
      steps: [
        { name: 'Início', milestones: [{ name: 'Kickoff', days: 2 }, { name: 'Contrato', days: 3 }] },
        { name: 'Acompanhamento', milestones: [{ name: 'Revisão', days: 5 }] },
      ],
    })) as unknown as typeof journey;
    ids.wallet = (await command('post', '/wallets', { name: 'Carteira Sul', managerId: 'mgr', journeyId: journey.id })).id;
    await command('put', `/customers/${ids.maria}/wallet`, { walletId: ids.wallet }, as('broker', 'u7', 'Bruno Corretor'));
    await command('post', `/customers/${ids.maria}/milestones/${journey.steps[0].milestones[0].id}/complete`, { completedOn: '2026-03-10' });
    await command('put', `/customers/${ids.joao}/wallet`, { walletId: ids.wallet }, as('broker', 'u7', 'Bruno Corretor'));
    await command('post', `/customers/${ids.joao}/stage`, { stepId: journey.steps[1].id }, as('manager', 'u2', 'Marta Gerente'));
    await command('post', '/message-templates', { name: 'Retorno', body: 'Olá #{contato}' }, as('manager', 'u2', 'Marta Gerente'));
    await command('post', `/customers/${ids.joao}/contacts`, { name: 'Rita Compras', email: 'rita@example.com', primary: true });

    const proposal = await command('post', `/customers/${ids.maria}/proposals`, { productId: 'apto-101', amount: '250000.00' });
    await command('post', `/customers/${ids.maria}/proposals/${proposal.id}/sale`);

    ids.visit = (await command('post', '/appointments', { customerId: ids.maria, scheduledFor: '2026-03-11T12:00:00Z', responsibleId: 'u1', kind: 'visit' })).id;
    ids.service = (await command('post', '/appointments', { customerId: ids.maria, scheduledFor: '2026-03-11T15:00:00Z', responsibleId: 'u1' })).id;
    ids.later = (await command('post', '/appointments', { customerId: ids.joao, scheduledFor: '2026-03-12T14:00:00Z', responsibleId: 'u1' })).id;
    await command('post', `/appointments/${ids.visit}/confirm`);

    answers = await readModels();
    expect(answers.maria).toMatchObject({
      id: ids.maria,
      name: 'Maria Silva',
      email: 'maria.silva@example.com',
      phones: ['+55 11 98888-0000', '+55 11 3333-0000'],
      temperature: 'warm',
      leadStatus: 'sale',
      proposals: [expect.objectContaining({ productId: 'apto-101', amount: '250000.00', status: 'sold' })],
    });
    expect(answers.joao).toMatchObject({ id: ids.joao, name: 'João Lima' });
    expect((answers.templates as { items: object[] }).items).toEqual([expect.objectContaining({ name: 'Retorno', body: 'Olá #{contato}', placeholders: ['contato'] })]);
    expect((answers.joaoContacts as { items: object[] }).items).toEqual([expect.objectContaining({ name: 'Rita Compras', email: 'rita@example.com', primary: true })]);

    const changes = (answers.mariaChanges as { items: Array<{ field: string; from: unknown; to: unknown; actor: { id: string } }> }).items;
    expect(changes.map(({ field, from, to, actor }) => ({ field, from, to, actor: actor.id }))).toEqual(
      expect.arrayContaining([
        { field: 'email', from: 'maria@example.com', to: 'maria.silva@example.com', actor: 'u2' },
        { field: 'phones', from: ['+55 11 98888-0000'], to: ['+55 11 98888-0000', '+55 11 3333-0000'], actor: 'u2' },
      ]),
    );

    const board = answers.board as { columns: Array<{ stepId: string; cards: Array<{ customerId: string; name: string; progress: object }> }> };
    expect(board.columns.map((column) => [column.stepId, column.cards.map((card) => card.name)])).toEqual([
      [journey.steps[0].id, ['Maria Silva']],
      [journey.steps[1].id, ['João Lima']],
    ]);
    expect(board.columns[0].cards[0]).toMatchObject({ customerId: ids.maria, daysInStep: 0, progress: { done: 1, total: 3 } });

    expect((answers.wallets as { items: Array<{ id: string; name: string }> }).items).toEqual([
      expect.objectContaining({ id: ids.wallet, name: 'Carteira Sul' }),
    ]);
    expect(answers.month).toEqual({
      days: [
        { date: '2026-03-11', total: 2, done: 1, color: 'orange' },
        { date: '2026-03-12', total: 1, done: 0, color: 'red' },
      ],
    });
    expect((answers.day as { actions: Array<{ id: string; status: string; done: boolean }> }).actions.map((a) => [a.id, a.status, a.done])).toEqual([
      [ids.visit, 'confirmed', true],
      [ids.service, 'scheduled', false],
    ]);
  });

  it("tells Maria's story on her timeline, newest first", () => {
    const { items } = answers.timeline as { items: Array<{ type: string; actor: { id: string } }> };
    expect(items.map((item) => [item.type, item.actor.id])).toEqual([
      ['appointment_confirmed', 'u1'],
      ['appointment_scheduled', 'u1'],
      ['appointment_scheduled', 'u1'],
      ['lead_status_changed', 'u1'],
      ['proposal_marked_as_sale', 'u1'],
      ['lead_status_changed', 'u1'],
      ['proposal_registered', 'u1'],
      ['milestone_completed', 'u1'],
      ['placed_in_wallet', 'u7'],
      ['data_edited', 'u2'],
      ['customer_registered', 'u1'],
    ]);
  });

  async function projections(): Promise<ProjectionInfo[]> {
    const res = await t.http.get('/admin/projections').set(as());
    expect(res.status).toBe(200);
    return res.body.projections;
  }

  /** Asks the api until the projector reports `name` at `version`, running and caught up. */
  async function servingVersion(name: string, version: number): Promise<ProjectionInfo> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const info = (await projections()).find((p) => p.name === name)!;
      if (info.version === version && info.status === 'running' && info.lag === 0 && !info.rebuilding) return info;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${name} never served version ${version}: ${JSON.stringify(await projections())}`);
  }

  it('runs a projection for every read model, each up to date with the head of the log', async () => {
    const running = await projections();
    expect(running.map((p) => p.name).sort()).toEqual(PROJECTIONS);
    // The head is an appointment's event, which only some of them follow.
    for (const name of PROJECTIONS) await servingVersion(name, 1);
  });

  /**
   * The last event in the log is the appointment confirmed above: a new generation of a
   * projection that does not follow appointments switches over once its checkpoint has passed
   * over it.
   */
  it.each(PROJECTIONS)('rebuilds %s into a new generation that gives the same answers', async (name) => {
    const before = await readModels();
    const serving = (await projections()).find((p) => p.name === name)!.version;

    const accepted = await t.http.post(`/admin/projections/${name}/rebuild`).set(as());
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ name, version: serving + 1 });
    await servingVersion(name, serving + 1);

    expect(await readModels()).toEqual(before);
  });

  it('keeps the generations it replaced in MongoDB until they are dropped', async () => {
    const collections = await t.readStore.listCollections();
    expect(collections).toEqual(expect.arrayContaining(['customers_v1', 'customers_v2', '_checkpoints', '_projections']));
  });
});
