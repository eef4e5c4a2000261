/**
 * The server under test, in a process of its own so that the load generator does not share its
 * event loop, and so that its peak RSS is its own. Forked by bench-server.ts:
 *   bench-server-child <app|nest|fastify> [dataDir]
 * Answers the parent over IPC: `{ready, port}` once listening, `{rss}` (peak RSS in bytes) and
 * `{cpu}` (CPU time used so far, user + system, in µs) when asked, `{queries}` (the in-process half of (6), app only) when asked, and exits when told to stop.
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBenchApp } from './bench-app';
import { measureQueriesInProcess } from './measure-queries-in-process';
import { createMinimalNestApp } from './minimal-nest-app';
import type { QueryWorld } from './query-cases';

type Stop = () => Promise<void>;

interface Listening {
  port: number;
  stop: Stop;
  /** The Trilha app, whose query handlers (6) times in process. */
  app?: NestFastifyApplication;
}

async function listenNest(app: NestFastifyApplication): Promise<Listening> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return { port: typeof address === 'object' && address ? address.port : 0, stop: () => app.close(), app };
}

/** The whole Trilha app, projections running: (2), (3b), (5), (6), (7). */
async function listenApp(dataDir: string): Promise<Listening> {
  return listenNest(await createBenchApp(dataDir, true));
}

/** The minimal Nest app of (3): Nest on Fastify, one hello controller, nothing of Trilha. */
async function listenMinimalNest(): Promise<Listening> {
  const server = await listenNest(await createMinimalNestApp());
  return { port: server.port, stop: server.stop };
}

/** The bare Fastify baseline of (3): one route, same answer, nothing else. */
async function listenFastify(): Promise<Listening> {
  const fastify = Fastify({ logger: false });
  fastify.get('/bench/hello', async () => ({ hello: 'world' }));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = fastify.server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, stop: () => fastify.close() };
}

async function main(): Promise<void> {
  const [kind, dataDir] = process.argv.slice(2);
  const server = kind === 'fastify' ? await listenFastify() : kind === 'nest' ? await listenMinimalNest() : await listenApp(dataDir);
  process.on('message', (message: { kind: string; readModelsFile?: string; world?: QueryWorld; samples?: number }) => {
    if (message.kind === 'queries') {
      if (!server.app) process.send!({ kind: 'queries', error: `the ${kind} server has no query handlers` });
      else
        measureQueriesInProcess(server.app, message.readModelsFile!, message.world!, message.samples!).then(
          (results) => process.send!({ kind: 'queries', results }),
          (error: unknown) => process.send!({ kind: 'queries', error: String((error as Error)?.stack ?? error) }),
        );
    }
    if (message.kind === 'cpu') {
      const used = process.cpuUsage();
      process.send!({ kind: 'cpu', micros: used.user + used.system });
    }
    if (message.kind === 'rss') process.send!({ kind: 'rss', rss: process.resourceUsage().maxRSS * 1024, current: process.memoryUsage().rss });
    if (message.kind === 'stop') void server.stop().finally(() => process.exit(0));
  });
  process.send!({ kind: 'ready', port: server.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
