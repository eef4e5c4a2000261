/**
 * `npm run bench` (`trilha bench`): throughput and latency of the hot paths on the embedded
 * stores, in a temporary folder. Sizes can be raised with BENCH_EVENTS (default 5000).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { v4 as uuid } from 'uuid';
import { SqliteEventStore } from '@trilha/event-store';
import { ProjectionHost } from '@trilha/projection';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { ALL_PROJECTIONS } from '@trilha/projections';
import { createApp } from '../../../api/src/bootstrap';
import { configFromEnv } from '../../../api/src/config/trilha-config';
import { TokenService } from '../../../api/src/platform';
import { report, rssMb, timeEach, timeOnce } from './measure';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

export async function runBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-bench-'));
  console.log(`Trilha bench: ${EVENTS} events, data in ${dir}, node ${process.version}`);
  try {
    await benchEventStore(dir);
    await benchProjectionCatchUp(dir);
    await benchHttp(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Durable single-event appends (one transaction each), then reading `$all` back. */
async function benchEventStore(dir: string): Promise<void> {
  const store = new SqliteEventStore(path.join(dir, 'events.sqlite'));
  const append = await timeEach(EVENTS, (i) =>
    store.append(`customer-${uuid()}`, [{ id: uuid(), type: 'CustomerRegistered', data: { customerId: `c${i}`, name: `Customer ${i}`, phones: [] } }], 'noStream'),
  );
  report('sqlite append (1 event, durable)', { 'ops/s': append.perSecond, p50ms: append.p50Ms, p99ms: append.p99Ms });
  const readMs = await timeOnce(async () => {
    let from;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, limit: 500 });
      if (page.length === 0) break;
      from = page[page.length - 1].position;
    }
  });
  report('sqlite readAll (pages of 500)', { 'events/s': (EVENTS / readMs) * 1000, ms: readMs });
  await store.close();
}

/** Every projection catching up from zero, side by side, over the events written above. */
async function benchProjectionCatchUp(dir: string): Promise<void> {
  const eventStore = new SqliteEventStore(path.join(dir, 'events.sqlite'));
  const readStore = new SqliteReadStore(path.join(dir, 'read-models.sqlite'));
  const host = new ProjectionHost({ eventStore, readStore, definitions: ALL_PROJECTIONS });
  const head = await eventStore.headPosition();
  const ms = await timeOnce(async () => {
    await host.start();
    if (head) for (const projection of ALL_PROJECTIONS) await host.waitFor(projection.name, head, 120_000);
  });
  report(`projection catch-up (all ${ALL_PROJECTIONS.length})`, { 'events/s': (EVENTS / ms) * 1000, ms, rssMb: rssMb() });
  await host.stop();
  await eventStore.close();
  await readStore.close();
}

/** Sequential requests over loopback through the whole stack: validation, auth, pipeline, append (no command rate limit: it measures the stack). */
async function benchHttp(dir: string): Promise<void> {
  const config = { ...configFromEnv({ TRILHA_DATA_DIR: path.join(dir, 'http'), TRILHA_COMMAND_RATE_LIMIT: '0' }), logLevel: 'silent', port: 0 };
  fs.mkdirSync(config.dataDir, { recursive: true });
  const eventStore = new SqliteEventStore(path.join(config.dataDir, 'events.sqlite'));
  const readStore = new SqliteReadStore(path.join(config.dataDir, 'read-models.sqlite'));
  const app = await createApp({ config, stores: { eventStore, readStore }, jwtSecret: SECRET });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const headers = { authorization: `Bearer ${new TokenService(SECRET).sign({ sub: 'bench', role: 'admin', name: 'Bench' }, '1h')}`, 'content-type': 'application/json' };
  const requests = Math.min(EVENTS, 2000);
  const ids: string[] = [];
  let lastPosition = '0';
  const post = await timeEach(requests, async (i) => {
    const res = await fetch(`${base}/customers`, { method: 'POST', headers, body: JSON.stringify({ name: `Bench ${i}`, phones: ['+55 11 90000-0000'], temperature: 'warm' }) });
    const body = (await res.json()) as { id: string; position: string };
    if (res.status !== 201) throw new Error(`POST /customers answered ${res.status}`);
    ids.push(body.id);
    lastPosition = body.position;
  });
  report('HTTP POST /customers', { 'req/s': post.perSecond, p50ms: post.p50Ms, p99ms: post.p99Ms });
  const readYourWrite = await timeOnce(() => fetch(`${base}/customers/${ids[ids.length - 1]}?minPosition=${lastPosition}`, { headers }));
  report('HTTP GET after last write', { ms: readYourWrite });
  const get = await timeEach(requests, (i) => fetch(`${base}/customers/${ids[i]}`, { headers }).then((r) => r.json()));
  report('HTTP GET /customers/:id', { 'req/s': get.perSecond, p50ms: get.p50Ms, p99ms: get.p99Ms, rssMb: rssMb() });
  await app.close();
}
