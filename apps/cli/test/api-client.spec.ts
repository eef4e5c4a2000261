import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/api-client';

/** The CLI's client against a plain HTTP server that limits commands as Trilha does. */
describe('ApiClient', () => {
  let server: Server;
  let baseUrl: string;
  let refusalsLeft: number;
  const received: Array<{ at: number; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ at: Date.now(), body });
        if (refusalsLeft > 0) {
          refusalsLeft--;
          res.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '1' });
          res.end(JSON.stringify({ status: 429, detail: 'Too many commands' }));
          return;
        }
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'c1', revision: '0', position: '1' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (received.length = 0));

  it('waits out a 429 for the Retry-After it names, then sends the same command again', async () => {
    refusalsLeft = 1;
    const answer = await new ApiClient(baseUrl, 'token').post<{ id: string }>('/customers', { name: 'Ana' });

    expect(answer).toEqual({ id: 'c1', revision: '0', position: '1' });
    expect(received.map((r) => r.body)).toEqual(['{"name":"Ana"}', '{"name":"Ana"}']);
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(950);
  });

  it('reports any other refusal at once, with its detail', async () => {
    refusalsLeft = 0;
    server.removeAllListeners('request');
    server.on('request', (_req, res) => {
      received.push({ at: Date.now(), body: '' });
      res.writeHead(400, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ status: 400, detail: 'Invalid input', errors: [{ field: 'name', message: 'name must be a string' }] }));
    });
    await expect(new ApiClient(baseUrl, 'token').post('/customers', { name: 1 })).rejects.toThrow('POST /customers answered 400: Invalid input; name: name must be a string');
    expect(received).toHaveLength(1);
  });
});
