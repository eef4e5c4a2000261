import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { TokenService } from '../../apps/api/src/platform';
import { createTestApp, TEST_BODY_LIMIT } from './test-app/create-test-app';
import { expiredToken, tokenFor } from './test-app/test-tokens';

const validBody = { name: 'Lead', origin: { site: 'example.com' }, phones: ['+55 11 99999-0000'], count: 2 };

function expectProblem(response: request.Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }),
  );
}

function fieldsOf(response: request.Response): string[] {
  return response.body.errors.map((e: { field: string }) => e.field);
}

describe('HTTP platform on a real Fastify app', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const asBroker = (req: request.Test) => req.set('authorization', `Bearer ${tokenFor('broker')}`);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describe('authentication', () => {
    it('answers 401 problem+json without a token', async () => {
      const response = await http().get('/dummy/me');
      expectProblem(response, 401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('answers 401 for a token that is not a JWT', async () => {
      expectProblem(await http().get('/dummy/me').set('authorization', 'Bearer not-a-jwt'), 401);
    });

    it('answers 401 for a token signed with another secret', async () => {
      const forged = new TokenService('another-secret-that-is-at-least-32-bytes').sign({ sub: 'x', role: 'admin', name: 'X' }, '1h');
      const response = await http().get('/dummy/me').set('authorization', `Bearer ${forged}`);
      expectProblem(response, 401);
      expect(response.body.detail).toMatch(/signature/);
    });

    it('answers 401 for an expired token', async () => {
      const response = await http().get('/dummy/me').set('authorization', `Bearer ${expiredToken()}`);
      expectProblem(response, 401);
      expect(response.body.detail).toMatch(/expired/);
    });

    it('answers 401 for another scheme than Bearer', async () => {
      expectProblem(await http().get('/dummy/me').set('authorization', `Basic ${tokenFor('admin')}`), 401);
    });

    it('lets anyone through a controller marked @Public()', async () => {
      expect((await http().get('/open').expect(200)).body).toEqual({ hello: 'world' });
    });

    it('lets a valid token through and exposes its actor', async () => {
      const response = await http().get('/dummy/me').set('authorization', `Bearer ${tokenFor('broker', 'user-7', 'Bia')}`);
      expect(response.status).toBe(200);
      expect(response.body.actor).toEqual({ id: 'user-7', role: 'broker', name: 'Bia' });
    });
  });

  describe('roles', () => {
    it('answers 403 problem+json to a role the route does not allow', async () => {
      const response = await asBroker(http().get('/dummy/admin-only'));
      expectProblem(response, 403);
      expect(response.body.detail).toContain('broker');
    });

    it('lets an allowed role through', async () => {
      const response = await http().get('/dummy/admin-only').set('authorization', `Bearer ${tokenFor('manager')}`);
      expect(response.status).toBe(200);
    });
  });

  describe('validation', () => {
    it('accepts a valid body and hands the handler a DTO instance', async () => {
      const response = await asBroker(http().post('/dummy/things')).send(validBody);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ body: validBody, isDto: true });
    });

    it('names a missing required field', async () => {
      const { name: _omitted, ...body } = validBody;
      const response = await asBroker(http().post('/dummy/things')).send(body);
      expectProblem(response, 400);
      expect(fieldsOf(response)).toContain('name');
      expect(response.body.errors.every((e: { message: unknown }) => typeof e.message === 'string')).toBe(true);
    });

    it('names a field of the wrong type', async () => {
      const response = await asBroker(http().post('/dummy/things')).send({ ...validBody, count: 'two' });
      expectProblem(response, 400);
      expect(fieldsOf(response)).toEqual(['count', 'count']);
    });

    it('refuses an unknown field', async () => {
      const response = await asBroker(http().post('/dummy/things')).send({ ...validBody, isAdmin: true });
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
    });

    it('names a nested field by its path', async () => {
      const response = await asBroker(http().post('/dummy/things')).send({ ...validBody, origin: { site: 42 } });
      expectProblem(response, 400);
      expect(fieldsOf(response)).toEqual(['origin.site']);
    });

    it('refuses an unknown nested field by its path', async () => {
      const response = await asBroker(http().post('/dummy/things')).send({ ...validBody, origin: { site: 'a', utm: 'x' } });
      expectProblem(response, 400);
      expect(fieldsOf(response)).toEqual(['origin.utm']);
    });

    it('names the array items that break a rule', async () => {
      const response = await asBroker(http().post('/dummy/things')).send({ ...validBody, phones: ['ok', 'fine', 7] });
      expectProblem(response, 400);
      expect(response.body.errors).toContainEqual({ field: 'phones.2', message: 'each value in phones must be a string' });
      expect(fieldsOf(response)).not.toContain('phones.0');
    });

    it('answers 400 when the body is an array instead of an object', async () => {
      expectProblem(await asBroker(http().post('/dummy/things')).send([validBody]), 400);
    });
  });

  describe('request bodies', () => {
    it('answers 400 problem+json naming the body for malformed JSON', async () => {
      const response = await asBroker(http().post('/dummy/things')).set('content-type', 'application/json').send('{"name": ');
      expectProblem(response, 400);
      expect(response.body.detail).toMatch(/not valid JSON/);
      expect(fieldsOf(response)).toEqual(['body']);
    });

    it('answers 400 for an empty JSON body', async () => {
      const response = await asBroker(http().post('/dummy/things')).set('content-type', 'application/json').send('');
      expectProblem(response, 400);
      expect(fieldsOf(response)).toEqual(['body']);
    });

    it('answers 413 problem+json for a body over the limit', async () => {
      const response = await asBroker(http().post('/dummy/things')).send({ ...validBody, name: 'x'.repeat(TEST_BODY_LIMIT * 2) });
      expectProblem(response, 413);
    });

    it('answers 415 problem+json for a body that is not JSON', async () => {
      expectProblem(await asBroker(http().post('/dummy/things')).set('content-type', 'text/plain').send('hello'), 415);
      expectProblem(
        await asBroker(http().post('/dummy/things')).set('content-type', 'application/x-www-form-urlencoded').send('name=x'),
        415,
      );
    });
  });

  describe('errors', () => {
    it('answers 404 problem+json for an unknown route, with or without a token', async () => {
      expectProblem(await http().get('/no/such/route'), 404);
      expectProblem(await asBroker(http().delete('/dummy/me')), 404);
    });

    it('answers the problems the business layer throws', async () => {
      expect((await asBroker(http().get('/dummy/things/42'))).body).toEqual({
        type: 'urn:trilha:problem:not-found',
        title: 'Not Found',
        status: 404,
        detail: 'No thing 42.',
      });
      expectProblem(await asBroker(http().post('/dummy/conflict')), 409);
      const refused = await asBroker(http().post('/dummy/refused'));
      expectProblem(refused, 422);
      expect(refused.body.type).toBe('urn:trilha:problem:sunday');
    });

    it('answers 500 problem+json without the error message or stack', async () => {
      const response = await asBroker(http().get('/dummy/boom'));
      expectProblem(response, 500);
      expect(response.text).not.toContain('hunter2');
      expect(response.text).not.toContain('dummy.controller');
    });
  });

  describe('correlation id', () => {
    it('echoes the X-Correlation-Id it was given, and hands it to the handler', async () => {
      const response = await asBroker(http().get('/dummy/me')).set('x-correlation-id', 'corr-123');
      expect(response.headers['x-correlation-id']).toBe('corr-123');
      expect(response.body.correlationId).toBe('corr-123');
    });

    it('makes up a UUID when none is given, also on errors', async () => {
      const response = await http().get('/no/such/route');
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it('replaces an id that is unsafe to log', async () => {
      const response = await http().get('/health').set('x-correlation-id', 'a b\tc');
      expect(response.headers['x-correlation-id']).not.toBe('a b\tc');
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('operations', () => {
    it('serves /health without a token', async () => {
      const response = await http().get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', checks: [] });
    });

    it('serves Prometheus metrics without a token, with the command histogram', async () => {
      await asBroker(http().post('/dummy/things')).send(validBody);
      const response = await http().get('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toContain('# TYPE trilha_command_duration_seconds histogram');
      expect(response.text).toMatch(/trilha_command_duration_seconds_count\{command="CreateThing",outcome="ok"\} [1-9]/);
      expect(response.text).toContain('process_cpu_user_seconds_total');
    });
  });

  describe('OpenAPI document', () => {
    let document: any;
    beforeAll(async () => {
      const response = await http().get('/docs-json');
      expect(response.status).toBe(200);
      document = response.body;
    });

    it('is titled Trilha and declares the bearer scheme', () => {
      expect(document.info.title).toBe('Trilha');
      expect(document.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    });

    it('requires the bearer token on protected routes and not on public ones', () => {
      expect(document.paths['/dummy/me'].get.security).toEqual([{ bearer: [] }]);
      expect(document.paths['/health'].get.security).toEqual([]);
      expect(document.paths['/metrics'].get.security).toEqual([]);
      expect(document.paths['/open'].get.security).toEqual([]);
      expect(document.paths['/open'].get.responses['401']).toBeUndefined();
      expect(JSON.stringify(document)).not.toContain('x-trilha-public');
    });

    it('declares problem+json error responses', () => {
      const post = document.paths['/dummy/things'].post;
      for (const status of ['400', '401', '413', '415']) {
        expect(post.responses[status].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ProblemDetailsDto');
      }
      expect(document.paths['/dummy/things/{id}'].get.responses['404']).toBeDefined();
      expect(document.paths['/dummy/admin-only'].get.responses['403']).toBeDefined();
      expect(document.paths['/dummy/refused'].post.responses['422'].description).toBe('The thing cannot be done');
      expect(document.paths['/health'].get.responses['401']).toBeUndefined();
      expect(document.components.schemas.ProblemDetailsDto.required).toEqual(['type', 'title', 'status', 'detail']);
    });
  });
});
