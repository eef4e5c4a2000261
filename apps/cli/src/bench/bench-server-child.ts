/**
 * The server under test, in a process of its own so that the load generator does not share its
 * event loop, and so that its peak RSS is its own. Forked by bench-server.ts:
 *   bench-server-child <app|fastify> [dataDir]
 * Answers the parent over IPC: `{ready, port}` once listening, `{rss}` (peak RSS in bytes) when
 * asked, and exits when told to stop.
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import { createBenchApp } from './bench-app';

type Stop = () => Promise<void>;

async function listenApp(dataDir: string): Promise<{ port: number; stop: Stop }> {
  const app = await createBenchApp(dataDir, true);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return { port: typeof address === 'object' && address ? address.port : 0, stop: () => app.close() };
}

/** The bare Fastify baseline of (3): one route, same answer, nothing else. */
async function listenFastify(): Promise<{ port: number; stop: Stop }> {
  const fastify = Fastify({ logger: false });
  fastify.get('/bench/hello', async () => ({ hello: 'world' }));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = fastify.server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, stop: () => fastify.close() };
}

async function main(): Promise<void> {
  const [kind, dataDir] = process.argv.slice(2);
  const server = kind === 'fastify' ? await listenFastify() : await listenApp(dataDir);
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'rss') process.send!({ kind: 'rss', rss: process.resourceUsage().maxRSS * 1024, current: process.memoryUsage().rss });
    if (message.kind === 'stop') void server.stop().finally(() => process.exit(0));
  });
  process.send!({ kind: 'ready', port: server.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
