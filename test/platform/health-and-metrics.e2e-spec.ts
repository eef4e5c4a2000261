import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from './test-app/create-test-app';

describe('health and metrics with checks and projections', () => {
  let app: NestFastifyApplication;
  let storeUp = true;
  let lags = [{ name: 'timeline', lag: 12 }, { name: 'wallet-board', lag: 0 }];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({
      healthChecks: [
        () => ({ name: 'event-store', ok: storeUp, ...(storeUp ? {} : { detail: 'unreachable' }) }),
        async () => ({ name: 'read-store', ok: true }),
      ],
      projectionLag: async () => lags,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 200 with every check when all pass', async () => {
    storeUp = true;
    const response = await http().get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      checks: [{ name: 'event-store', ok: true }, { name: 'read-store', ok: true }],
    });
  });

  it('answers 503 naming the failing check', async () => {
    storeUp = false;
    const response = await http().get('/health').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.status).toBe('failing');
    expect(response.body.checks).toContainEqual({ name: 'event-store', ok: false, detail: 'unreachable' });
  });

  it('reports the lag of each projection at scrape time', async () => {
    lags = [{ name: 'timeline', lag: 12 }, { name: 'wallet-board', lag: 0 }];
    const first = await http().get('/metrics').expect(200);
    expect(first.text).toContain('trilha_projection_lag{projection="timeline"} 12');
    expect(first.text).toContain('trilha_projection_lag{projection="wallet-board"} 0');

    lags = [{ name: 'timeline', lag: 3 }];
    const second = await http().get('/metrics').expect(200);
    expect(second.text).toContain('trilha_projection_lag{projection="timeline"} 3');
    expect(second.text).not.toContain('projection="wallet-board"');
  });
});
