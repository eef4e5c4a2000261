import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from './test-app/create-test-app';
import { MemoryLogStream } from './test-app/memory-log-stream';
import { tokenFor } from './test-app/test-tokens';

describe('request logs', () => {
  let app: NestFastifyApplication;
  const logs = new MemoryLogStream();
  const http = () => request(app.getHttpServer());
  const linesOf = (correlationId: string) => logs.lines.filter((line) => line.correlationId === correlationId);

  beforeAll(async () => {
    app = await createTestApp({ logStream: logs });
  });
  afterAll(async () => {
    await app.close();
  });

  it('puts the correlation id on the handler’s lines and on the request summary', async () => {
    await http()
      .post('/dummy/things')
      .set('authorization', `Bearer ${tokenFor('broker')}`)
      .set('x-correlation-id', 'log-test-1')
      .send({ name: 'Lead', origin: { site: 'a' }, phones: [] })
      .expect(200);
    const lines = linesOf('log-test-1');
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['creating a thing', 'request completed']));
    const handlerLine = lines.find((line) => line.msg === 'creating a thing')!;
    expect(handlerLine.context).toBe('DummyController');
  });

  it('logs an unexpected error with its stack under the request’s correlation id', async () => {
    await http().get('/dummy/boom').set('authorization', `Bearer ${tokenFor('broker')}`).set('x-correlation-id', 'log-test-2').expect(500);
    const errorLine = linesOf('log-test-2').find((line) => line.level === 50 && line.msg === 'database password is hunter2');
    expect(errorLine).toBeDefined();
    expect((errorLine!.err as { stack: string }).stack).toContain('dummy.controller');
  });

  it('logs a made-up correlation id identical to the one answered', async () => {
    const response = await http().get('/health').expect(200);
    const id = response.headers['x-correlation-id'];
    expect(linesOf(id).some((line) => line.msg === 'request completed')).toBe(true);
  });

  it('does not log the bearer token', async () => {
    const token = tokenFor('admin');
    await http().get('/dummy/me').set('authorization', `Bearer ${token}`).set('x-correlation-id', 'log-test-3').expect(200);
    expect(linesOf('log-test-3').length).toBeGreaterThan(0);
    expect(JSON.stringify(logs.lines)).not.toContain(token);
  });
});
