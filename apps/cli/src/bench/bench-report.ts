import type { BenchOptions } from './bench-options';
import type { Machine } from './machine';
import type { CommandLoadResult, HelloLoadResult, LoadResult } from './measure-http';
import type { LagResult } from './measure-lag';
import type { QueryResult } from './measure-queries';
import type { RebuildResult } from './measure-rebuild';
import type { RawAppendResult } from './measure-store';

export interface BenchResults {
  options: BenchOptions;
  machine: Machine;
  seeding: { events: number; setupEvents: number; activityEvents: number; setupSeconds: number; activitySeconds: number };
  rawAppend: RawAppendResult;
  /** (1a) the same appends committed on the calling thread, without the writer thread's hop. */
  inThreadAppend: RawAppendResult;
  /** (1) with as many concurrent writers as (2) has clients: what group commit gives the raw store. */
  groupedAppend: RawAppendResult;
  readAll: { events: number; perSecond: number };
  rebuilds: RebuildResult[];
  /** (3) the minimal Nest app and bare Fastify; (3b) the Trilha app, same route and load. */
  hello: { nest: HelloLoadResult; bare: HelloLoadResult; app: LoadResult };
  commands: CommandLoadResult;
  lag: LagResult;
  queries: QueryResult[];
  rss: { serverPeak: number; benchPeak: number };
  totalSeconds: number;
}

export interface TargetRow {
  what: string;
  measured: string;
  ratio: string;
  target: string;
  result: string;
}

const GiB = 1024 ** 3;
const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value: number) => `${n(value, value < 10 ? 2 : 1)} ms`;
const verdict = (ok: boolean) => (ok ? 'pass' : 'miss');

/** The rows of the table: each measurement, its ratio and its target. */
export function targetRows(r: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  rows.push({ what: '(1) raw durable append, 1 event/transaction (baseline)', measured: `${n(r.rawAppend.perSecond)} events/s, p50 ${ms(r.rawAppend.p50)}, p99 ${ms(r.rawAppend.p99)}`, ratio: '1', target: 'baseline', result: '' });
  rows.push({
    what: '(1a) the same appends committed on the calling thread (the writer code without the hop to its thread; not targeted)',
    measured: `${n(r.inThreadAppend.perSecond)} events/s, p50 ${ms(r.inThreadAppend.p50)}, p99 ${ms(r.inThreadAppend.p99)}`,
    ratio: n(r.inThreadAppend.perSecond / r.rawAppend.perSecond, 2),
    target: '',
    result: '',
  });
  rows.push({
    what: `(1b) raw appends, ${r.options.connections} concurrent writers (group commit; not targeted)`,
    measured: `${n(r.groupedAppend.perSecond)} events/s, p50 ${ms(r.groupedAppend.p50)}, p99 ${ms(r.groupedAppend.p99)}`,
    ratio: n(r.groupedAppend.perSecond / r.rawAppend.perSecond, 2),
    target: '',
    result: '',
  });
  const commandRatio = r.commands.eventsPerSecond / r.rawAppend.perSecond;
  rows.push({
    what: `(2) HTTP commands (temperature, ${r.options.connections} clients)`,
    measured: `${n(r.commands.eventsPerSecond)} events/s (${n(r.commands.requestsPerSecond)} req/s, ${n(r.commands.non2xx)} non-2xx), p50 ${ms(r.commands.p50)}, p99 ${ms(r.commands.p99)}; ÷ (1a): ${n(r.commands.eventsPerSecond / r.inThreadAppend.perSecond, 2)}`,
    ratio: n(commandRatio, 2),
    target: '≥ 0.5 (stretch ≥ 1.0)',
    result: commandRatio >= 1 ? 'pass (stretch)' : verdict(commandRatio >= 0.5),
  });
  const helloRatio = r.hello.nest.requestsPerSecond / r.hello.bare.requestsPerSecond;
  rows.push({
    what: '(3) hello route: minimal Nest 11 on Fastify (one controller) ÷ bare Fastify',
    measured: `${n(r.hello.nest.requestsPerSecond)} vs ${n(r.hello.bare.requestsPerSecond)} req/s (p99 ${ms(r.hello.nest.p99)} vs ${ms(r.hello.bare.p99)})`,
    ratio: n(helloRatio, 2),
    target: '≥ 0.7',
    result: verdict(helloRatio >= 0.7),
  });
  rows.push({
    what: '(3c) the same loads: server CPU per request, bare Fastify ÷ minimal Nest (not targeted)',
    measured: `${n(r.hello.nest.cpuMicrosPerRequest, 1)} vs ${n(r.hello.bare.cpuMicrosPerRequest, 1)} µs of server CPU per request`,
    ratio: n(r.hello.bare.cpuMicrosPerRequest / r.hello.nest.cpuMicrosPerRequest, 2),
    target: '',
    result: '',
  });
  rows.push({
    what: '(3b) hello route: the Trilha app (global guards, pipes, filters, logging) ÷ bare Fastify (not targeted)',
    measured: `${n(r.hello.app.requestsPerSecond)} vs ${n(r.hello.bare.requestsPerSecond)} req/s (p99 ${ms(r.hello.app.p99)} vs ${ms(r.hello.bare.p99)})`,
    ratio: n(r.hello.app.requestsPerSecond / r.hello.bare.requestsPerSecond, 2),
    target: '',
    result: '',
  });
  rows.push({ what: '(4) raw readAll (pages of 500, as stored)', measured: `${n(r.readAll.perSecond)} events/s over ${n(r.readAll.events)} events`, ratio: '1', target: 'baseline of (4)', result: '' });
  for (const rebuild of r.rebuilds) {
    const ratio = rebuild.perSecond / r.readAll.perSecond;
    const targeted = rebuild.name === 'timeline' || rebuild.name === 'wallet-board';
    rows.push({
      what: `(4) rebuild ${rebuild.name}${targeted ? '' : ' (not targeted)'}`,
      measured: `${n(rebuild.perSecond)} events/s (${n(rebuild.ms / 1000, 1)} s)`,
      ratio: n(ratio, 2),
      target: targeted ? '≥ 0.5' : '',
      result: targeted ? verdict(ratio >= 0.5) : '',
    });
  }
  rows.push({
    what: `(5) live lag, commands at ${n(r.lag.ratePerSecond)}/s (half of (2))`,
    measured: `p50 ${ms(r.lag.p50)}, p99 ${ms(r.lag.p99)} over ${n(r.lag.count)} probed commands${r.lag.failed ? `, ${r.lag.failed} failed` : ''}`,
    ratio: '',
    target: 'p99 < 100 ms',
    result: verdict(r.lag.p99 < 100 && r.lag.failed === 0),
  });
  for (const query of r.queries) {
    const ratio50 = query.app.p50 / query.bare.p50;
    const ratio99 = query.app.p99 / query.bare.p99;
    const sameRows = query.appItems === query.bareRows && query.sameIds !== false;
    rows.push({
      what: `(6) ${query.name}: query handler ÷ bare SQLite, both in the server process`,
      measured:
        `handler p50 ${ms(query.app.p50)} / p99 ${ms(query.app.p99)} (${n(query.appItems)} items); bare p50 ${ms(query.bare.p50)} / p99 ${ms(query.bare.p99)} (${n(query.bareRows)} rows` +
        `${sameRows ? '' : ', NOT the same rows'}); over HTTP (not in the ratio) p50 ${ms(query.http.p50)} / p99 ${ms(query.http.p99)}`,
      ratio: `${n(ratio50, 2)} (p99 ${n(ratio99, 2)})`,
      target: 'p50 ≤ 2',
      result: verdict(ratio50 <= 2),
    });
  }
  rows.push({
    what: '(7) peak RSS of the server',
    measured: `${n(r.rss.serverPeak / 1024 ** 2)} MiB (bench process: ${n(r.rss.benchPeak / 1024 ** 2)} MiB)`,
    ratio: '',
    target: '< 1 GiB at 1M events',
    result: r.options.events >= 1_000_000 ? verdict(r.rss.serverPeak < GiB) : `${verdict(r.rss.serverPeak < GiB)} (at ${n(r.options.events)} events)`,
  });
  return rows;
}

export function printTable(rows: TargetRow[], print: (line: string) => void = console.log): void {
  const widths = { what: Math.max(...rows.map((r) => r.what.length)), ratio: Math.max(5, ...rows.map((r) => r.ratio.length)), target: Math.max(...rows.map((r) => r.target.length)) };
  for (const row of rows) {
    print(`${row.what.padEnd(widths.what)}  ${row.ratio.padStart(widths.ratio)}  ${row.target.padEnd(widths.target)}  ${row.result.padEnd(14)}  ${row.measured}`);
  }
}

export function markdown(r: BenchResults, rows: TargetRow[]): string {
  const o = r.options;
  const m = r.machine;
  const command = o.mode === 'full' ? 'npm run bench' : o.mode === 'quick' ? 'npm run bench -- --quick' : `npm run bench -- --events ${o.events} --customers ${o.customers}`;
  return `# Benchmarks

The latest run of \`${command}\` (${o.mode} mode): ${n(o.events)} events over ${n(o.customers)} customers,
embedded SQLite stores in a temporary folder. How to run it and what each line measures: README, "Benchmarks".
Absolute numbers depend on the machine; the ratios compare Trilha with the raw limits of its own
stores measured in the same run.

- Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.platform}
- Node ${m.node}${m.nodeFlags.length ? ` (${m.nodeFlags.join(' ')})` : ''}; run ${m.date}, ${n(r.totalSeconds)} s in all
- One run on a machine that may be busy: expect noise, above all in the p99s; compare ratios, which are measured in the same run.

| what | ratio | target | result | measured |
|---|---|---|---|---|
${rows.map((row) => `| ${row.what} | ${row.ratio} | ${row.target} | ${row.result} | ${row.measured} |`).join('\n')}

## How the events were produced
- ${n(r.seeding.setupEvents)} events (${n(r.seeding.setupSeconds, 1)} s) through the real HTTP stack in process (Fastify inject):
  a journey, a wallet, ${n(o.customers)} customers registered (personal fields encrypted with a key per
  customer), ${n(o.boardCards)} of them placed in the wallet (its board), ${n(o.monthAppointments)} appointments in one calendar month.
- ${n(r.seeding.activityEvents)} events (${n(r.seeding.activitySeconds, 1)} s) of activity (temperature changes, comments, objectives),
  decided by the customer decider, encrypted by the same vault, enveloped and sealed into each stream's
  integrity chain as the command pipeline does, and appended through the adapter in batches of up to
  250 events per stream, several streams at once (the decider's state is kept in memory instead of
  re-reading the stream before each command).
- The projections are then built from zero by the projection runner (events decrypted and upcast on
  the way), which is (4); the server process starts on those read models for (2), (3b), (5), (6), (7).
- The server runs in its own process; autocannon (2, 3) and the probes (5, 6) run in the bench process.
  The command rate limit is off (\`TRILHA_COMMAND_RATE_LIMIT=0\`) and logging is silent.

## What each ratio compares
- (3): requests per second of a hello route in a minimal Nest 11 app on \`@nestjs/platform-fastify\`
  (one controller, no Trilha module, guard, pipe, filter or logger; the adapter without
  @fastify/middie, as Trilha runs it, ADR 0032) ÷ the same route in bare Fastify.
  Each runs in a child process of its own, loaded by the same autocannon settings
  (${o.connections} connections) in alternating rounds (Nest, Fastify, Fastify, Nest, …; ${n(o.loadSeconds)} s per side in all;
  mean rate and p50, worst p99): the framework's own cost. (3c) divides the CPU time each server
  process used during its rounds by the requests it answered: the same cost without the load
  generator, which shares the machine's cores with the server under test. (3b) is the same route
  and load on the Trilha server (its global guards, pipes, filters and logging): our platform's cost.
- (6): p50 (and p99) of the query handler the route calls, run through the app's \`QueryBus\` in
  the server process (ReadModels, the read store, labels worded, time-relative fields and day
  summaries computed; no HTTP, auth or DTO validation) ÷ a bare better-sqlite3 query of the same
  rows on the same read-model file in the same process (the same indexed expressions and order,
  documents parsed from JSON, nothing else), ${n(o.samples)} alternating iterations each after a short
  warm-up. The bare queries read what the handler reads: for the timeline the customer row, the
  page plus one entry and the labels it names; for the board the wallet, its journey and its
  cards; for the calendar the actions in the same UTC window (a day wider than the month on each
  side, as the handler reads it before keeping the local days). The HTTP round trip from the bench
  process (one client, sequential) is in the measured column only.
`;
}
