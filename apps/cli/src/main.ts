import 'reflect-metadata';
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { configFromEnv } from '../../api/src/config/trilha-config';
import { startApi } from '../../api/src/bootstrap';
import { openEventStore } from '../../api/src/infrastructure/open-stores';
import { isRole, resolveJwtSecret, ROLES, TokenService } from '../../api/src/platform';
import { ApiClient } from './api-client';
import { historyCommand, stateCommand, verifyCommand, verifyStoreCommand, type CommandOutput } from './audit-commands';
import { benchOptions, FULL, QUICK } from './bench/bench-options';
import { runBench } from './bench/run-bench';
import { seedCustomers } from './seed';
import { watchRebuild } from './watch-rebuild';

const program = new Command('trilha').description('Trilha: event-sourced CRM back end').showHelpAfterError();

program
  .command('start')
  .description('run the api and the projections in one process (embedded SQLite unless EVENTSTORE_URL / MONGO_URL are set)')
  .action(async () => {
    const config = configFromEnv();
    await startApi(config);
    const stores = `${config.eventStoreUrl ? 'EventStoreDB' : 'SQLite'} events, ${config.mongoUrl ? 'MongoDB' : 'SQLite'} read models`;
    console.log(`Trilha listening on http://localhost:${config.port} (${stores}; data in ${config.dataDir})`);
  });

program
  .command('token')
  .description('print a bearer token signed with the configured secret')
  .requiredOption('--user <id>', 'user id (the sub claim)')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (value) => {
    if (!isRole(value)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
    return value;
  })
  .option('--name <name>', 'display name')
  .option('--expires-in <duration>', 'lifetime, e.g. 12h or 7d', '12h')
  .action(async (options: { user: string; role: string; name?: string; expiresIn: string }) => {
    const config = configFromEnv();
    const secret = resolveJwtSecret({ env: config.jwtSecret, dataDir: config.dataDir });
    const token = await new TokenService(secret).sign({ sub: options.user, role: options.role as never, name: options.name ?? options.user }, options.expiresIn);
    console.log(token);
  });

program
  .command('projections')
  .description('list the projections of the running server with their status, lag and events/s')
  .action(async () => {
    const { projections } = await ApiClient.fromEnv().get<{ projections: Array<Record<string, unknown>> }>('/admin/projections');
    console.table(
      projections.map(({ name, version, status, checkpoint, lag, eventsPerSecond, lastError }) => ({ name, version, status, checkpoint, lag, eventsPerSecond, lastError })),
    );
  });

program
  .command('rebuild <projection>')
  .description('rebuild a projection blue/green on the running server, showing progress')
  .action(async (name: string) => {
    const client = ApiClient.fromEnv();
    const { version } = await client.post<{ version: number }>(`/admin/projections/${encodeURIComponent(name)}/rebuild`);
    await watchRebuild(client, name, version);
    console.log(`${name}: generation ${version} is active`);
  });

program
  .command('history <customerId>')
  .description("print a customer's events as stored, oldest first (auditor)")
  .action(async (customerId: string) => print(await historyCommand(ApiClient.fromEnv(), customerId)));

program
  .command('state <customerId>')
  .description("print a customer's state as JSON, now or as of an instant or a revision (auditor)")
  .option('--as-of <instant>', 'ISO 8601 instant with offset, e.g. 2026-03-01T12:00:00Z')
  .option('--revision <n>', 'stream revision (0 is the first event)')
  .action(async (customerId: string, options: { asOf?: string; revision?: string }) => print(await stateCommand(ApiClient.fromEnv(), customerId, options)));

program
  .command('verify [customerId]')
  .description(
    "check the integrity chain of a customer's stream (through the running server), or of every stream of the configured event store, with a progress bar; exits 1 when altered",
  )
  .option('--server', 'verify every stream through the running server (GET /audit/verify) instead of reading the store')
  .action(async (customerId: string | undefined, options: { server?: boolean }) => {
    if (customerId !== undefined || options.server) return print(await verifyCommand(ApiClient.fromEnv(), customerId));
    const store = openEventStore(configFromEnv());
    try {
      print(await verifyStoreCommand(store));
    } finally {
      await store.close();
    }
  });

function print({ lines, exitCode }: CommandOutput): void {
  for (const line of lines) console.log(line);
  process.exitCode = exitCode;
}

program
  .command('seed')
  .description('register sample customers on the running server (repeatable: the same --run appends nothing new)')
  .requiredOption('--customers <n>', 'how many customers', (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError('must be a whole number from 1 to 1000000');
    return n;
  })
  .option('--run <name>', 'names this seed: its customers are not registered twice', 'default')
  .action(async (options: { customers: number; run: string }) => {
    const client = ApiClient.fromEnv();
    const report = (done: number) => {
      if (done % 100 === 0 || done === options.customers) process.stderr.write(`\rseeded ${done}/${options.customers}`);
    };
    const done = await seedCustomers(client, options.customers, options.run, report);
    process.stderr.write('\n');
    console.log(`${done} customers registered (run "${options.run}")`);
  });

program
  .command('bench')
  .description(
    'measure Trilha against the raw limits of its stores (append, HTTP commands, framework overhead, rebuild, live lag, queries, memory) on embedded stores in a temporary folder; prints a table and writes docs/benchmarks.md',
  )
  .option('--quick', `${QUICK.events} events over ${QUICK.customers} customers instead of ${FULL.events} over ${FULL.customers}`)
  .option('--events <n>', 'seed this many events instead (same code, other size)', wholeNumber)
  .option('--customers <n>', 'over this many customers', wholeNumber)
  .option('--doc <path>', 'where the markdown table goes', 'docs/benchmarks.md')
  .option('--cpu-prof <dir>', 'write V8 CPU profiles of the server process into this folder')
  .action(async (options: { quick?: boolean; events?: number; customers?: number; doc: string; cpuProf?: string }) => {
    const sizes = benchOptions({ quick: options.quick, events: options.events, customers: options.customers, docPath: path.resolve(options.doc) });
    await runBench(sizes, { cpuProfileDir: options.cpuProf && path.resolve(options.cpuProf) });
  });

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
