/**
 * `npm run bench [-- --quick]` (`trilha bench [--quick]`): Trilha measured against the raw limits
 * of its own stores, in one run, on embedded stores in a temporary folder (issue 7). Prints a
 * table and writes it to docs/benchmarks.md (or `docPath`). See README, "Benchmarks".
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_PROJECTIONS } from '@trilha/projections';
import { SqliteEventStore } from '@trilha/event-store';
import { SqliteKeyStore } from '@trilha/key-store';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { DecryptingEventStore } from '../../../api/src/infrastructure/decrypting-event-store';
import { EVENTS_FILE, KEYS_FILE, READ_MODELS_FILE } from '../../../api/src/infrastructure/open-stores';
import { PersonalDataVault } from '../../../api/src/infrastructure/personal-data-vault';
import { createBenchApp, InjectClient } from './bench-app';
import type { BenchOptions } from './bench-options';
import { markdown, printTable, targetRows, type BenchResults } from './bench-report';
import { BenchServer } from './bench-server';
import { describeMachine } from './machine';
import { measureCommands, measureHello, measureHelloPair } from './measure-http';
import { measureLiveLag } from './measure-lag';
import { joinQueryResults, measureQueriesOverHttp } from './measure-queries';
import { measureRebuild, type RebuildResult } from './measure-rebuild';
import { measureInThreadAppends, measureRawAppends, measureReadAll } from './measure-store';
import { seedActivity } from './seed-activity';
import { seedSetup, type SeededWorld } from './seed-setup';
import { nowMs } from './stats';
import { waitForProjections } from './wait-for-projections';

export interface RunOptions {
  /** Where progress lines go (stderr by default). */
  log?: (line: string) => void;
  /** Where the table goes (stdout by default). */
  print?: (line: string) => void;
  /** Writes V8 CPU profiles of the server process into this folder (`node --cpu-prof`). */
  cpuProfileDir?: string;
}

export async function runBench(options: BenchOptions, run: RunOptions = {}): Promise<BenchResults> {
  const log = run.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = nowMs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-bench-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  log(`Trilha bench (${options.mode}): ${options.events} events over ${options.customers} customers, data in ${dir}`);
  let benchPeak = 0;
  const sampleRss = setInterval(() => (benchPeak = Math.max(benchPeak, process.memoryUsage().rss)), 500);
  try {
    log('(1) raw durable appends …');
    const rawAppend = await measureRawAppends(dir, options.rawAppends);
    const inThreadAppend = measureInThreadAppends(dir, options.rawAppends);
    const groupedAppend = await measureRawAppends(dir, options.rawAppends, options.connections);

    const { world, seeding } = await seed(dataDir, options, log);

    const events = new SqliteEventStore(path.join(dataDir, EVENTS_FILE));
    log('(4) raw readAll …');
    const readAll = await measureReadAll(events);
    const rebuilds = await rebuildAll(events, dataDir, readAll.events, log);

    log('(3) hello routes …');
    const server = await BenchServer.start('app', dataDir, run.cpuProfileDir);
    let results: Omit<BenchResults, 'rss' | 'totalSeconds' | 'hello' | 'options' | 'machine' | 'seeding' | 'rawAppend' | 'inThreadAppend' | 'groupedAppend' | 'readAll' | 'rebuilds'>;
    let hello: BenchResults['hello'];
    let serverPeak: number;
    try {
      // (3) the minimal Nest app and bare Fastify, each in a child of its own with the same load; (3b) the Trilha app.
      const nestServer = await BenchServer.start('nest');
      const bareServer = await BenchServer.start('fastify');
      const { nest, bare } = await measureHelloPair(nestServer, bareServer, options.connections, options.loadSeconds).finally(() =>
        Promise.all([nestServer.stop(), bareServer.stop()]),
      );
      const app = await measureHello(server.baseUrl, options.connections, options.loadSeconds);
      hello = { nest, bare, app };

      log('(2) HTTP commands …');
      const loaded = world.customerIds.slice(0, Math.min(1_000, world.customerIds.length));
      const commands = await measureCommands(server.baseUrl, loaded, options.connections, options.loadSeconds, events);
      log('(5) live lag …');
      await waitForProjections(server.baseUrl);
      const lag = await measureLiveLag(server.baseUrl, loaded, Math.max(1, commands.requestsPerSecond / 2), options.loadSeconds);
      log('(6) queries …');
      const overHttp = await measureQueriesOverHttp(server.baseUrl, world, options.samples);
      // The server's peak RSS before the in-process half of (6), which also runs the bare queries there.
      serverPeak = (await server.peakRss()).rss;
      const inProcess = await server.measureQueriesInProcess(path.join(dataDir, READ_MODELS_FILE), world, options.samples);
      results = { commands, lag, queries: joinQueryResults(inProcess, overHttp) };
    } finally {
      await server.stop();
      await events.close();
    }
    clearInterval(sampleRss);
    const all: BenchResults = {
      options,
      machine: describeMachine(),
      seeding,
      rawAppend,
      inThreadAppend,
      groupedAppend,
      readAll,
      rebuilds,
      hello,
      ...results,
      rss: { serverPeak, benchPeak: Math.max(benchPeak, process.resourceUsage().maxRSS * 1024) },
      totalSeconds: (nowMs() - started) / 1000,
    };
    const rows = targetRows(all);
    printTable(rows, run.print);
    fs.mkdirSync(path.dirname(options.docPath), { recursive: true });
    fs.writeFileSync(options.docPath, markdown(all, rows));
    log(`Table written to ${options.docPath}`);
    return all;
  } finally {
    clearInterval(sampleRss);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Setup through the app in this process (no projections), then the bulk of the activity through the adapter. */
async function seed(dataDir: string, options: BenchOptions, log: (line: string) => void): Promise<{ world: SeededWorld; seeding: BenchResults['seeding'] }> {
  const setupStarted = nowMs();
  const app = await createBenchApp(dataDir, false);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  let world: SeededWorld;
  try {
    world = await seedSetup(new InjectClient(app), options, (done, total) => {
      if (done % 500 === 0 || done === total) log(`  setup ${done}/${total} commands`);
    });
  } finally {
    await app.close();
  }
  const setupSeconds = (nowMs() - setupStarted) / 1000;

  const store = new SqliteEventStore(path.join(dataDir, EVENTS_FILE));
  const keys = new SqliteKeyStore(path.join(dataDir, KEYS_FILE));
  const setupEvents = Number((await store.headPosition())?.commit ?? 0n);
  const activityStarted = nowMs();
  const wanted = Math.max(0, options.events - setupEvents);
  let reported = 0;
  const activityEvents = await seedActivity(store, new PersonalDataVault(keys), world.customerIds, wanted, (appended) => {
    if (appended - reported >= 50_000 || appended === wanted) {
      reported = appended;
      log(`  activity ${appended}/${wanted} events`);
    }
  });
  await store.close();
  await keys.close();
  return { world, seeding: { events: setupEvents + activityEvents, setupEvents, activityEvents, setupSeconds, activitySeconds: (nowMs() - activityStarted) / 1000 } };
}

/** (4) Every projection built from zero, one after the other, into the read store the server then serves. */
async function rebuildAll(events: SqliteEventStore, dataDir: string, total: number, log: (line: string) => void): Promise<RebuildResult[]> {
  const keys = new SqliteKeyStore(path.join(dataDir, KEYS_FILE));
  const readStore = new SqliteReadStore(path.join(dataDir, READ_MODELS_FILE));
  const decrypting = new DecryptingEventStore(events, new PersonalDataVault(keys));
  const results: RebuildResult[] = [];
  try {
    for (const definition of ALL_PROJECTIONS) {
      log(`(4) rebuild ${definition.name} …`);
      results.push(await measureRebuild(decrypting, readStore, definition, total));
    }
  } finally {
    await readStore.close();
    await keys.close();
  }
  return results;
}
