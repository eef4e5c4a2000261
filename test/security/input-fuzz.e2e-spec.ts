import { startTestApp, type TestApp } from '../support/test-app';
import { commandRoutesOf, type CommandRoute } from './support/command-routes';
import { MalformedBodies, type Schema } from './support/malformed-bodies';
import { seededRandom } from './support/seeded-random';

/** Malformed bodies sent to each command route; the same ones on every run. */
const BODIES_PER_ROUTE = 200;
const SEED = 0x7261696c;

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * Issue 6, hardened input: every command route (found in the app's controllers, so routes added
 * later are included) gets a few hundred malformed bodies, each invalid by construction. Every
 * answer must be a 4xx problem, never a 5xx, and no event may be appended. The requests use an
 * admin token and ids that exist, so that they reach validation.
 */
describe('input fuzzing of every command route', () => {
  let t: TestApp;
  let routes: CommandRoute[];
  let openApi: OpenApiDocument;
  let ids: Record<string, string>;
  let authorization: string;

  beforeAll(async () => {
    // No rate limit here: hundreds of commands with one token are the point.
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_COMMAND_RATE_LIMIT: '0' });
    authorization = `Bearer ${t.token('admin', 'fuzzer', 'Fuzz Admin')}`;
    routes = commandRoutesOf(t.app);
    openApi = (await t.http.get('/docs-json')).body as OpenApiDocument;
    ids = await createTargets();
  });
  afterAll(() => t.close());

  async function post(path: string, body: unknown, method: 'post' | 'put' = 'post') {
    const res = await t.http[method](path).set({ Authorization: authorization }).send(body as object);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A customer in a wallet whose journey has a milestone, a proposal, an appointment; a follow-up, a message template: real targets for every route. */
  async function createTargets(): Promise<Record<string, string>> {
    const journey = await post('/journeys', { name: 'Fuzz journey', steps: [{ name: 'Start', milestones: [{ name: 'First call', days: 2 }] }, { name: 'Next', milestones: [] }] });
    const wallet = await post('/wallets', { name: 'Fuzz wallet', managerId: 'fuzzer', journeyId: journey.id });
    const customer = await post('/customers', { name: 'Fuzz Customer', temperature: 'warm', brokerId: 'fuzzer' });
    await post(`/customers/${customer.id}/wallet`, { walletId: wallet.id }, 'put');
    const proposal = await post(`/customers/${customer.id}/proposals`, { productId: 'p1', amount: 1000 });
    const appointment = await post('/appointments', { customerId: customer.id, scheduledFor: '2099-03-10T14:30:00Z' });
    const marker = await post('/markers', { name: 'Fuzz marker', emoji: '⭐' });
    const followUp = await post('/follow-ups', { name: 'Fuzz company', contactName: 'Fuzz contact', email: 'fuzz@example.com', contactOn: '2099-03-01', nextContactOn: '2099-03-10' });
    const messageTemplate = await post('/message-templates', { name: 'Fuzz template', body: 'Olá #{contato}' });
    const contact = await post(`/customers/${customer.id}/contacts`, { name: 'Fuzz contact', email: 'fuzz@example.com' });
    return {
      'follow-ups': followUp.id,
      'message-templates': messageTemplate.id,
      markers: marker.id,
      customers: customer.id,
      appointments: appointment.id,
      wallets: wallet.id,
      journeys: journey.id,
      proposalId: proposal.id,
      contactId: contact.id,
      milestoneId: journey.steps[0].milestones[0].id,
      stepId: journey.steps[0].id,
      name: 'timeline',
      exception: 'deny_list',
    };
  }

  /** The route's path with real ids: `:id` is the id of the collection it follows, other parameters by name. */
  function concretePath(path: string): string {
    const segments = path.split('/');
    return segments
      .map((segment, index) => {
        if (!segment.startsWith(':')) return segment;
        const name = segment.slice(1);
        const target = name === 'id' ? ids[segments[index - 1]] : ids[name];
        if (!target) throw new Error(`No target id for the parameter ${segment} of ${path}: add one to createTargets()`);
        return encodeURIComponent(target);
      })
      .join('/');
  }

  function requestSchemaOf(route: CommandRoute): Schema | undefined {
    const openApiPath = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = openApi.paths[openApiPath]?.[route.method.toLowerCase()];
    return operation?.requestBody?.content?.['application/json']?.schema;
  }

  const eventCount = async () => (await t.eventStore.readAll({})).length;

  it('finds the command routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContainEqual({ method: 'POST', path: '/customers' });
    expect(routes).toContainEqual({ method: 'PATCH', path: '/customers/:id' });
    expect(routes).toContainEqual({ method: 'PUT', path: '/customers/:id/wallet' });
    for (const route of routes) expect(() => concretePath(route.path)).not.toThrow();
  });

  it('answers every malformed body with a 4xx problem and appends nothing', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const failures: string[] = [];
    const eventsBefore = await eventCount();
    const headBefore = await t.eventStore.headPosition();
    for (const [index, route] of routes.entries()) {
      const bodies = new MalformedBodies(openApi.components?.schemas ?? {}, seededRandom(SEED + index));
      const schema = requestSchemaOf(route);
      const url = concretePath(route.path);
      for (let i = 0; i < BODIES_PER_ROUTE; i++) {
        const payload = bodies.next(schema);
        const res = await fastify.inject({
          method: route.method as 'POST',
          url,
          headers: { authorization, 'content-type': 'application/json' },
          payload,
        });
        const problem = res.statusCode >= 400 && String(res.headers['content-type']).startsWith('application/problem+json');
        if (res.statusCode < 400 || res.statusCode >= 500 || !problem) {
          failures.push(`${route.method} ${route.path} #${i} → ${res.statusCode}: ${payload.slice(0, 160)} ⇒ ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures.slice(0, 25)).toEqual([]);
    expect(failures).toHaveLength(0);
    expect(await eventCount()).toBe(eventsBefore);
    expect(await t.eventStore.headPosition()).toEqual(headBefore);
    // 200 bodies for each of some 60 routes: its time grows with the routes, beyond the default 30 s on a loaded machine.
  }, 120_000);
});
