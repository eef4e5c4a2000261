import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { customerJourneyStreamId, customerStreamId, fold, liveMarkers, markerCatalogueDecider, MARKERS_STREAM_ID, type MarkerEvent } from '@trilha/domain';
import { positionToString } from '@trilha/event-store';
import { ACCESS_MATRIX, routeKey, type RouteAccess } from '../../apps/api/src/authorization/access-matrix';
import { matrixTableRows } from '../../apps/api/src/authorization/matrix-table';
import type { Role } from '../../apps/api/src/platform';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The authorization matrix, route by route: every route of ACCESS_MATRIX (the table the guard
 * enforces) called by every role, and by a broker inside and outside the customer's portfolio.
 * Allowed calls get the route's success status; refused ones 403, or 404 (the body of an unknown
 * customer) for a broker outside the portfolio; a refused command appends nothing.
 */
describe('authorization matrix (issue 6)', () => {
  const NOW = new Date('2026-03-10T12:00:00Z');
  const TODAY = '2026-03-10';
  const env = { ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: '', TRILHA_COMMAND_RATE_LIMIT: '0' };
  const BROKER = 'broker-in';
  let t: TestApp;
  let journey: { id: string; steps: { id: string; milestones: { id: string }[] }[] };
  let walletId: string;
  let registeredRoutes: string[];

  interface Persona {
    label: string;
    role: Role;
    user: string;
    /** For brokers: is the customer of the call in their portfolio? */
    inPortfolio?: boolean;
  }
  const PERSONAS: Persona[] = [
    { label: 'admin', role: 'admin', user: 'u-admin' },
    { label: 'manager', role: 'manager', user: 'u-manager' },
    { label: 'broker, own customer', role: 'broker', user: BROKER, inPortfolio: true },
    { label: 'broker, another broker’s customer', role: 'broker', user: 'broker-out', inPortfolio: false },
    { label: 'auditor', role: 'auditor', user: 'u-auditor' },
    { label: 'readonly', role: 'readonly', user: 'u-readonly' },
  ];

  interface Call {
    method: 'get' | 'post' | 'put' | 'patch' | 'delete';
    url: string;
    body?: object;
    /** The success status of the route. */
    ok: number;
    /** The customer the call is about, if any: its streams must not grow when the call is refused. */
    customerId?: string;
    /** The same call about an id that does not exist: its 404 is what a broker outside the portfolio must get. */
    unknown?: { call: Omit<Call, 'ok' | 'unknown'>; id: string; realId: string };
  }

  const FOLLOW_UP = { name: 'Padaria Pão Quente', contactName: 'Joana Lima', email: 'joana@pao.com.br', contactOn: '2026-03-02', nextContactOn: '2026-03-12' };
  const admin = () => ({ Authorization: `Bearer ${t.token('admin', 'u-admin')}` });

  async function command(method: 'post' | 'put', url: string, body: object = {}): Promise<{ id: string; position: string }> {
    const res = await t.http[method](url).set(admin()).send(body);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A fresh customer of the broker BROKER, warm after cold (so a revert has something to go back to). */
  async function customer(): Promise<{ id: string; position: string }> {
    const { id } = await command('post', '/customers', { name: 'Carla Cliente', phones: ['+55 11 90000-0000'], brokerId: BROKER, temperature: 'cold' });
    const { position } = await command('post', `/customers/${id}/temperature`, { temperature: 'warm' });
    return { id, position };
  }

  async function customerInWallet(): Promise<string> {
    const { id } = await customer();
    await command('put', `/customers/${id}/wallet`, { walletId });
    return id;
  }

  /** A fresh marker of the catalogue (CS6); deleted ones free their place among the 15. */
  async function marker(): Promise<string> {
    const { id } = await command('post', '/markers', { name: `Marcador ${randomUUID()}`, emoji: '⭐' });
    return id;
  }

  async function appointment(): Promise<{ id: string; customerId: string }> {
    const { id: customerId } = await customer();
    const { id } = await command('post', '/appointments', { customerId, scheduledFor: '2026-03-12T14:00:00Z' });
    return { id, customerId };
  }

  /** A follow-up opportunity (CAL6) registered by the broker BROKER: theirs, so another broker gets 404. */
  async function followUp(): Promise<string> {
    const res = await t.http.post('/follow-ups').set('Authorization', `Bearer ${t.token('broker', BROKER)}`).send(FOLLOW_UP);
    if (res.status !== 201) throw new Error(`POST /follow-ups answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  /** A fresh message template (CAL4), written by an admin. */
  async function messageTemplate(): Promise<string> {
    return (await command('post', '/message-templates', { name: `Modelo ${randomUUID()}`, body: 'Olá #{contato}' })).id;
  }

  /** A call about customer `id` at `url(id)`; `unknown` repeats it about an id that does not exist. */
  function aboutCustomer(method: Call['method'], url: (id: string) => string, id: string, ok: number, body?: object): Call {
    const unknownId = randomUUID();
    return { method, url: url(id), body, ok, customerId: id, unknown: { call: { method, url: url(unknownId), body }, id: unknownId, realId: id } };
  }

  /** How to call each route of the matrix successfully, on fresh data. */
  const CALLS: Record<string, () => Promise<Call>> = {
    'POST /customers': async () => ({ method: 'post', url: '/customers', body: { name: 'Nova Cliente' }, ok: 201 }),
    'GET /customers/:id': async () => {
      const { id, position } = await customer();
      return aboutCustomer('get', (c) => `/customers/${c}?minPosition=${position}`, id, 200);
    },
    'PATCH /customers/:id': async () => aboutCustomer('patch', (c) => `/customers/${c}`, (await customer()).id, 200, { channel: 'loja' }),
    'DELETE /customers/:id': async () => aboutCustomer('delete', (c) => `/customers/${c}`, (await customer()).id, 200),
    'POST /customers/:id/temperature': async () => aboutCustomer('post', (c) => `/customers/${c}/temperature`, (await customer()).id, 200, { temperature: 'hot' }),
    'POST /customers/:id/temperature/revert': async () => aboutCustomer('post', (c) => `/customers/${c}/temperature/revert`, (await customer()).id, 200),
    'POST /customers/:id/objective': async () => aboutCustomer('post', (c) => `/customers/${c}/objective`, (await customer()).id, 200, { objective: 'Comprar' }),
    'POST /customers/:id/moment': async () => aboutCustomer('post', (c) => `/customers/${c}/moment`, (await customer()).id, 200, { moment: 'pesquisa' }),
    'POST /customers/:id/product-of-interest': async () =>
      aboutCustomer('post', (c) => `/customers/${c}/product-of-interest`, (await customer()).id, 200, { productId: 'apto-101' }),
    'POST /customers/:id/proposals': async () =>
      aboutCustomer('post', (c) => `/customers/${c}/proposals`, (await customer()).id, 201, { productId: 'apto-101', amount: '1500.00' }),
    'POST /customers/:id/proposals/:proposalId/sale': async () => {
      const { id } = await customer();
      const proposal = await command('post', `/customers/${id}/proposals`, { productId: 'apto-101', amount: '1500.00' });
      return aboutCustomer('post', (c) => `/customers/${c}/proposals/${proposal.id}/sale`, id, 200);
    },
    'POST /customers/:id/disinterest': async () => aboutCustomer('post', (c) => `/customers/${c}/disinterest`, (await customer()).id, 200, { reason: 'Sem orçamento' }),
    'POST /customers/:id/comments': async () => aboutCustomer('post', (c) => `/customers/${c}/comments`, (await customer()).id, 201, { text: 'Ligou hoje' }),
    'POST /customers/:id/rating': async () => aboutCustomer('post', (c) => `/customers/${c}/rating`, (await customer()).id, 200, { rating: 4 }),
    'POST /customers/:id/notes': async () => aboutCustomer('post', (c) => `/customers/${c}/notes`, (await customer()).id, 201, { text: 'Prefere ligação' }),
    'GET /customers/:id/notes': async () => {
      const { id } = await customer();
      const { position } = await command('post', `/customers/${id}/notes`, { text: 'Prefere ligação' });
      return aboutCustomer('get', (c) => `/customers/${c}/notes?minPosition=${position}`, id, 200);
    },
    'POST /customers/:id/contacts': async () => aboutCustomer('post', (c) => `/customers/${c}/contacts`, (await customer()).id, 201, { name: 'Joana Lima', primary: true }),
    'GET /customers/:id/contacts': async () => {
      const { id } = await customer();
      const { position } = await command('post', `/customers/${id}/contacts`, { name: 'Joana Lima' });
      return aboutCustomer('get', (c) => `/customers/${c}/contacts?minPosition=${position}`, id, 200);
    },
    'PATCH /customers/:id/contacts/:contactId': async () => {
      const { id } = await customer();
      const contact = await command('post', `/customers/${id}/contacts`, { name: 'Joana Lima' });
      return aboutCustomer('patch', (c) => `/customers/${c}/contacts/${contact.id}`, id, 200, { role: 'Compras', primary: true });
    },
    'DELETE /customers/:id/contacts/:contactId': async () => {
      const { id } = await customer();
      const contact = await command('post', `/customers/${id}/contacts`, { name: 'Joana Lima' });
      return aboutCustomer('delete', (c) => `/customers/${c}/contacts/${contact.id}`, id, 200);
    },
    'POST /customers/:id/lead-status': async () => aboutCustomer('post', (c) => `/customers/${c}/lead-status`, (await customer()).id, 200, { status: 'in_progress' }),
    'PUT /customers/:id/lead-status/schedule': async () =>
      aboutCustomer('put', (c) => `/customers/${c}/lead-status/schedule`, (await customer()).id, 200, { status: 'sale', at: '2026-03-20T12:00:00Z' }),
    'DELETE /customers/:id/lead-status/schedule': async () => {
      const { id } = await customer();
      await command('put', `/customers/${id}/lead-status/schedule`, { status: 'sale', at: '2026-03-20T12:00:00Z' });
      return aboutCustomer('delete', (c) => `/customers/${c}/lead-status/schedule`, id, 200);
    },
    'POST /customers/:id/non-customer': async () =>
      aboutCustomer('post', (c) => `/customers/${c}/non-customer`, (await customer()).id, 200, { kind: 'supplier', note: 'Fornece os móveis' }),
    'DELETE /customers/:id/non-customer': async () => {
      const { id } = await customer();
      await command('post', `/customers/${id}/non-customer`, { kind: 'test' });
      return aboutCustomer('delete', (c) => `/customers/${c}/non-customer`, id, 200);
    },
    'PUT /customers/:id/portfolio-exceptions/:exception': async () =>
      aboutCustomer('put', (c) => `/customers/${c}/portfolio-exceptions/deny_list`, (await customer()).id, 200),
    'DELETE /customers/:id/portfolio-exceptions/:exception': async () => {
      const { id } = await customer();
      await command('put', `/customers/${id}/portfolio-exceptions/expired`);
      return aboutCustomer('delete', (c) => `/customers/${c}/portfolio-exceptions/expired`, id, 200);
    },
    'GET /customers/:id/timeline': async () => {
      const { id, position } = await customer();
      return aboutCustomer('get', (c) => `/customers/${c}/timeline?minPosition=${position}`, id, 200);
    },
    'GET /customers/:id/changes': async () => {
      const { id, position } = await customer();
      return aboutCustomer('get', (c) => `/customers/${c}/changes?minPosition=${position}`, id, 200);
    },
    'GET /customers/:id/journey': async () => {
      const { id, position } = await customer();
      return aboutCustomer('get', (c) => `/customers/${c}/journey?minPosition=${position}`, id, 200);
    },
    'PUT /customers/:id/wallet': async () => aboutCustomer('put', (c) => `/customers/${c}/wallet`, (await customer()).id, 200, { walletId }),
    'POST /customers/:id/stage': async () => aboutCustomer('post', (c) => `/customers/${c}/stage`, await customerInWallet(), 200, { stepId: journey.steps[1].id }),
    'POST /customers/:id/milestones/:milestoneId/complete': async () =>
      aboutCustomer('post', (c) => `/customers/${c}/milestones/${journey.steps[0].milestones[0].id}/complete`, await customerInWallet(), 200, { completedOn: TODAY }),
    'POST /customers/:id/steps/:stepId/conclude': async () =>
      aboutCustomer('post', (c) => `/customers/${c}/steps/${journey.steps[0].id}/conclude`, await customerInWallet(), 200, { concludedOn: TODAY }),
    'PUT /customers/:id/marker': async () => {
      const markerId = await marker();
      return aboutCustomer('put', (c) => `/customers/${c}/marker`, (await customer()).id, 200, { markerId });
    },
    'DELETE /customers/:id/marker': async () => {
      const markerId = await marker();
      const { id } = await customer();
      await command('put', `/customers/${id}/marker`, { markerId });
      return aboutCustomer('delete', (c) => `/customers/${c}/marker`, id, 200);
    },
    'GET /markers': async () => ({ method: 'get', url: '/markers', ok: 200 }),
    'POST /markers': async () => {
      return { method: 'post', url: '/markers', body: { name: `Marcador ${randomUUID()}`, emoji: '🔥' }, ok: 201 };
    },
    'PATCH /markers/:id': async () => {
      const markerId = await marker();
      return { method: 'patch', url: `/markers/${markerId}`, body: { emoji: '💎' }, ok: 200 };
    },
    'DELETE /markers/:id': async () => ({ method: 'delete', url: `/markers/${await marker()}`, ok: 200 }),
    'POST /journeys': async () => ({ method: 'post', url: '/journeys', body: { name: 'Jornada', steps: [{ name: 'Início', milestones: [{ name: 'Boas-vindas', days: 2 }] }] }, ok: 201 }),
    'POST /wallets': async () => ({ method: 'post', url: '/wallets', body: { name: `Carteira ${randomUUID()}`, managerId: 'u-manager' }, ok: 201 }),
    'POST /wallets/:id/default': async () => {
      const { id } = await command('post', '/wallets', { name: `Carteira ${randomUUID()}`, managerId: 'u-manager' });
      return { method: 'post', url: `/wallets/${id}/default`, ok: 200 };
    },
    'GET /wallets': async () => ({ method: 'get', url: '/wallets', ok: 200 }),
    'GET /wallets/:id/board': async () => ({ method: 'get', url: `/wallets/${walletId}/board`, ok: 200 }),
    'POST /appointments': async () => {
      const { id } = await customer();
      const unknownId = randomUUID();
      const body = (c: string) => ({ customerId: c, scheduledFor: '2026-03-12T14:00:00Z' });
      return { method: 'post', url: '/appointments', body: body(id), ok: 201, customerId: id, unknown: { call: { method: 'post', url: '/appointments', body: body(unknownId) }, id: unknownId, realId: id } };
    },
    ...Object.fromEntries(
      (
        [
          ['confirm', undefined],
          ['reschedule', { scheduledFor: '2026-03-13T14:00:00Z' }],
          ['success', undefined],
          ['lost', { reason: 'Sem retorno' }],
        ] as const
      ).map(([action, body]) => [
        `POST /appointments/:id/${action}`,
        async (): Promise<Call> => {
          const { id, customerId } = await appointment();
          const unknownId = randomUUID();
          const url = (a: string) => `/appointments/${a}/${action}`;
          return { method: 'post', url: url(id), body, ok: 200, customerId, unknown: { call: { method: 'post', url: url(unknownId), body }, id: unknownId, realId: id } };
        },
      ]),
    ),
    'POST /follow-ups': async () => ({ method: 'post', url: '/follow-ups', body: FOLLOW_UP, ok: 201 }),
    ...Object.fromEntries(
      (
        [
          ['reschedule', { nextContactOn: '2026-03-13' }],
          ['resolve-by-call', undefined],
          ['send-email', { message: 'Olá Joana' }],
        ] as const
      ).map(([action, body]) => [
        `POST /follow-ups/:id/${action}`,
        async (): Promise<Call> => {
          const id = await followUp();
          const unknownId = randomUUID();
          const url = (f: string) => `/follow-ups/${f}/${action}`;
          return { method: 'post', url: url(id), body, ok: 200, unknown: { call: { method: 'post', url: url(unknownId), body }, id: unknownId, realId: id } };
        },
      ]),
    ),
    'DELETE /follow-ups/:id': async () => {
      const id = await followUp();
      const unknownId = randomUUID();
      return { method: 'delete', url: `/follow-ups/${id}`, ok: 200, unknown: { call: { method: 'delete', url: `/follow-ups/${unknownId}` }, id: unknownId, realId: id } };
    },
    'GET /message-templates/placeholders': async () => ({ method: 'get', url: '/message-templates/placeholders', ok: 200 }),
    'GET /message-templates': async () => ({ method: 'get', url: '/message-templates', ok: 200 }),
    'POST /message-templates': async () => ({ method: 'post', url: '/message-templates', body: { name: `Modelo ${randomUUID()}`, body: 'Olá #{contato}' }, ok: 201 }),
    'PATCH /message-templates/:id': async () => ({ method: 'patch', url: `/message-templates/${await messageTemplate()}`, body: { body: 'Oi #{contato}' }, ok: 200 }),
    'DELETE /message-templates/:id': async () => ({ method: 'delete', url: `/message-templates/${await messageTemplate()}`, ok: 200 }),
    'GET /calendar': async () => ({ method: 'get', url: '/calendar?from=2026-03-01&to=2026-03-31', ok: 200 }),
    'GET /calendar/:date': async () => ({ method: 'get', url: '/calendar/2026-03-12', ok: 200 }),
    'GET /customers/:id/history': async () => aboutCustomer('get', (c) => `/customers/${c}/history`, (await customer()).id, 200),
    'GET /customers/:id/state': async () => aboutCustomer('get', (c) => `/customers/${c}/state?revision=0`, (await customer()).id, 200),
    'GET /customers/:id/verify': async () => aboutCustomer('get', (c) => `/customers/${c}/verify`, (await customer()).id, 200),
    'GET /audit/verify': async () => ({ method: 'get', url: '/audit/verify', ok: 200 }),
    'GET /admin/projections': async () => ({ method: 'get', url: '/admin/projections', ok: 200 }),
    'POST /admin/projections/:name/rebuild': async () => ({ method: 'post', url: '/admin/projections/audit-changes/rebuild', ok: 202 }),
    'POST /admin/projections/:name/restart': async () => ({ method: 'post', url: '/admin/projections/timeline/restart', ok: 202 }),
  };

  /** What the matrix says this persona gets. */
  function expectedStatus(rule: RouteAccess, persona: Persona, ok: number): number {
    if (!rule.roles.includes(persona.role)) return 403;
    // A follow-up opportunity is its registering broker's alone, as a customer is their portfolio's.
    const aboutOneCustomer = ['customer', 'appointment', 'customer-in-body', 'follow-up'].includes(rule.scope.kind);
    if (persona.role === 'broker' && aboutOneCustomer && !persona.inPortfolio) return 404;
    return ok;
  }

  function send(call: Omit<Call, 'ok' | 'unknown'>, persona: Persona) {
    const request = t.http[call.method](call.url).set('Authorization', `Bearer ${t.token(persona.role, persona.user, persona.label)}`);
    return call.body === undefined ? request : request.send(call.body);
  }

  /** Every stream the call could have appended to, summed up: the store's head and the customer's streams. */
  async function snapshot(customerId?: string) {
    const head = await t.eventStore.headPosition();
    const lengths = customerId
      ? [(await t.eventStore.readStream(customerStreamId(customerId))).length, (await t.eventStore.readStream(customerJourneyStreamId(customerId))).length]
      : [];
    return { head: head ? positionToString(head) : null, lengths };
  }

  beforeAll(async () => {
    t = await startTestApp(env, { clock: () => NOW });
    journey = await command('post', '/journeys', {
      name: 'Jornada do cliente',
      steps: [
        { name: 'Começo', milestones: [{ name: 'Boas-vindas', days: 3 }] },
        { name: 'Meio', milestones: [{ name: 'Revisão', days: 5 }] },
      ],
    }) as unknown as typeof journey;
    walletId = (await command('post', '/wallets', { name: 'Carteira da matriz', managerId: 'u-manager', journeyId: journey.id })).id;
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    registeredRoutes = Object.entries(doc.paths).flatMap(([route, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
        .map(([method]) => routeKey(method, route.replace(/\{(\w+)\}/g, ':$1'))),
    );
  });
  afterAll(() => t.close());
  // At most 15 markers (CS6): the calls' markers are deleted after each call, read from the catalogue's stream.
  afterEach(async () => {
    const catalogue = fold(markerCatalogueDecider, (await t.eventStore.readStream(MARKERS_STREAM_ID)) as unknown as MarkerEvent[]);
    for (const { markerId } of liveMarkers(catalogue)) await t.http.delete(`/markers/${markerId}`).set(admin()).expect(200);
  });

  it('covers every authenticated route the app serves, and only those', () => {
    const matrixRoutes = ACCESS_MATRIX.map((rule) => routeKey(rule.method, rule.path));
    expect([...registeredRoutes].sort()).toEqual([...matrixRoutes].sort());
  });

  it('has a call for every route of the matrix', () => {
    expect(Object.keys(CALLS).sort()).toEqual(ACCESS_MATRIX.map((rule) => routeKey(rule.method, rule.path)).sort());
  });

  it('is the table docs/security.md shows', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/security.md'), 'utf8');
    const missing = matrixTableRows().filter((row) => !doc.includes(row));
    expect(missing).toEqual([]);
  });

  describe.each(ACCESS_MATRIX.map((rule) => [routeKey(rule.method, rule.path), rule] as const))('%s', (key, rule) => {
    it.each(PERSONAS.map((persona) => [persona.label, persona] as const))('as %s', async (_label, persona) => {
      const call = await CALLS[key]();
      const expected = expectedStatus(rule, persona, call.ok);
      const before = await snapshot(call.customerId);

      const res = await send(call, persona);

      expect({ status: res.status, body: res.body }).toEqual({ status: expected, body: expect.anything() });
      if (expected === 403 || expected === 404) {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(await snapshot(call.customerId)).toEqual(before);
      }
      if (expected === 404 && call.unknown) {
        // Exactly what anyone gets for an id that does not exist, so the customer's existence does not leak.
        const unknown = await send(call.unknown.call, { label: 'admin', role: 'admin', user: 'u-admin' });
        expect(unknown.status).toBe(404);
        expect(res.body).toEqual(JSON.parse(JSON.stringify(unknown.body).split(call.unknown.id).join(call.unknown.realId)));
      }
    });
  });
});
