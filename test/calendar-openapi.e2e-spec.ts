import { startTestApp, type TestApp } from './support/test-app';

describe('OpenAPI of the appointments and calendar routes', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, unknown>; requestBody?: unknown }>> };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('lists every route of API.md with its success and error answers', () => {
    const routes = {
      '/appointments': ['post', '201', ['400', '401', '403', '404', '409', '422']],
      '/appointments/{id}/confirm': ['post', '200', ['400', '401', '403', '404', '409', '422']],
      '/appointments/{id}/reschedule': ['post', '200', ['400', '401', '403', '404', '409', '422']],
      '/appointments/{id}/success': ['post', '200', ['400', '401', '403', '404', '409', '422']],
      '/appointments/{id}/lost': ['post', '200', ['400', '401', '403', '404', '409', '422']],
      '/calendar': ['get', '200', ['400', '401']],
      '/calendar/{date}': ['get', '200', ['400', '401']],
    } as const;
    for (const [path, [method, ok, errors]] of Object.entries(routes)) {
      const operation = doc.paths[path]?.[method];
      expect({ path, statuses: Object.keys(operation?.responses ?? {}) }).toEqual({ path, statuses: expect.arrayContaining([ok, ...errors]) });
    }
  });

  it('describes the calendar’s query parameters, from and to required', () => {
    const params = doc.paths['/calendar'].get.parameters ?? [];
    const query = Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.required ?? false]));
    expect(query).toEqual({ from: true, to: true, ownerId: false, minPosition: false });
    const dayParams = doc.paths['/calendar/{date}'].get.parameters ?? [];
    expect(dayParams.map((p) => `${p.in}:${p.name}`).sort()).toEqual(['path:date', 'query:minPosition', 'query:ownerId', 'query:tab']);
  });

  it('gives the body-taking appointment routes a request body', () => {
    for (const path of ['/appointments', '/appointments/{id}/reschedule', '/appointments/{id}/lost']) {
      expect(doc.paths[path].post.requestBody).toBeDefined();
    }
  });
});
