import { randomUUID } from 'node:crypto';
import { Projector } from './support/projector';
import { startTestApp, type TestApp } from './support/test-app';

/** Every route that reads a read model, with the path it is asked on here. */
const READ_MODEL_ROUTES: Array<{ route: string; path: string }> = [
  { route: '/wallets', path: '/wallets' },
  { route: '/wallets/{id}/board', path: `/wallets/${randomUUID()}/board` },
  { route: '/markers', path: '/markers' },
  { route: '/message-templates', path: '/message-templates' },
  { route: '/customers/{id}', path: `/customers/${randomUUID()}` },
  { route: '/customers/{id}/changes', path: `/customers/${randomUUID()}/changes` },
  { route: '/customers/{id}/timeline', path: `/customers/${randomUUID()}/timeline` },
  { route: '/customers/{id}/notes', path: `/customers/${randomUUID()}/notes` },
  { route: '/customers/{id}/contacts', path: `/customers/${randomUUID()}/contacts` },
  { route: '/customers/{id}/journey', path: `/customers/${randomUUID()}/journey` },
  { route: '/calendar', path: '/calendar?from=2026-03-01&to=2026-03-31' },
  { route: '/calendar/{date}', path: '/calendar/2026-03-10' },
];

describe('read routes while the projector has not started yet (TRILHA_PROJECTIONS=off)', () => {
  let t: TestApp;
  let projector: Projector | undefined;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_PROJECTIONS: 'off' }, { runProjections: false });
    auth = { Authorization: `Bearer ${t.token('admin')}` };
  });
  afterAll(async () => {
    await projector?.stop();
    await t.close();
  });

  it.each(READ_MODEL_ROUTES)('GET $route answers 503 with Retry-After, naming the read model', async ({ path }) => {
    const res = await t.http.get(path).set(auth);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(res.body.detail).toMatch(/^The read model '[a-z-]+' is not available yet: its projector has not started/);
  });

  it('these are exactly the routes whose OpenAPI documents that 503 (with its Retry-After)', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>> };
    const documented = Object.entries(doc.paths).flatMap(([route, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.responses?.['503']?.headers)
        .map(([method]) => `${method} ${route}`),
    );
    expect(documented.sort()).toEqual(READ_MODEL_ROUTES.map(({ route }) => `get ${route}`).sort());
  });

  it('takes commands meanwhile, and reads once the projector has registered its read models', async () => {
    const created = await t.http.post('/customers').set(auth).send({ name: 'Ana Souza' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    projector = await Projector.start(t);
    const res = await t.http.get(`/customers/${id}?minPosition=${created.body.position}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Ana Souza' });
  });
});
