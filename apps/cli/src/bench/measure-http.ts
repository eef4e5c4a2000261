import autocannon from 'autocannon';
import type { EventStore } from '@trilha/event-store';
import { adminToken } from './bench-app';
import type { BenchServer } from './bench-server';

export interface LoadResult {
  requestsPerSecond: number;
  /** Requests answered in all. */
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function loadResult(result: autocannon.Result): LoadResult {
  return { requestsPerSecond: result.requests.average, requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/** (3) A GET of the hello route with `connections` keep-alive clients for `seconds`. */
export async function measureHello(baseUrl: string, connections: number, seconds: number): Promise<LoadResult> {
  return loadResult(await run({ url: `${baseUrl}/bench/hello`, connections, duration: seconds }));
}

/** Several loads of one server as one: mean rate and p50, worst p99, summed failures. */
export function combineLoads(loads: LoadResult[]): LoadResult {
  const mean = (pick: (load: LoadResult) => number) => loads.reduce((sum, load) => sum + pick(load), 0) / loads.length;
  return {
    requestsPerSecond: mean((load) => load.requestsPerSecond),
    requests: loads.reduce((sum, load) => sum + load.requests, 0),
    p50: mean((load) => load.p50),
    p99: Math.max(...loads.map((load) => load.p99)),
    non2xx: loads.reduce((sum, load) => sum + load.non2xx, 0),
    errors: loads.reduce((sum, load) => sum + load.errors, 0),
  };
}

export interface HelloLoadResult extends LoadResult {
  /** CPU time of the server process (all its threads) per request answered, in µs. */
  cpuMicrosPerRequest: number;
}

/** Rounds per side in (3): short enough that both sides see the same machine, enough to average out its swings. */
const HELLO_ROUNDS = 4;

/**
 * (3) The minimal Nest app and bare Fastify loaded in alternating rounds, in ABBA order (Nest,
 * Fastify, Fastify, Nest, …) so that a drift of the shared machine's speed during the
 * measurement weighs on both sides alike; `seconds` per side in all. Beside the rate, the CPU
 * time each server process used per request it answered: that is the framework's cost alone,
 * whereas the rate also moves with the load generator, which shares the machine.
 */
export async function measureHelloPair(nestServer: BenchServer, bareServer: BenchServer, connections: number, seconds: number): Promise<{ nest: HelloLoadResult; bare: HelloLoadResult }> {
  const roundSeconds = Math.max(1, Math.round(seconds / HELLO_ROUNDS));
  const sides = { nest: { server: nestServer, loads: [] as LoadResult[], cpu: 0 }, bare: { server: bareServer, loads: [] as LoadResult[], cpu: 0 } };
  for (let round = 0; round < HELLO_ROUNDS; round++) {
    const order = round % 2 === 0 ? [sides.nest, sides.bare] : [sides.bare, sides.nest];
    for (const side of order) {
      const before = await side.server.cpuMicros();
      side.loads.push(await measureHello(side.server.baseUrl, connections, roundSeconds));
      side.cpu += (await side.server.cpuMicros()) - before;
    }
  }
  const result = (side: typeof sides.nest): HelloLoadResult => {
    const load = combineLoads(side.loads);
    return { ...load, cpuMicrosPerRequest: side.cpu / Math.max(1, load.requests) };
  };
  return { nest: result(sides.nest), bare: result(sides.bare) };
}

export interface CommandLoadResult extends LoadResult {
  /** Events the store gained per second during the load (a temperature set to its current value appends nothing). */
  eventsPerSecond: number;
}

/**
 * (2) POST /customers/:id/temperature over `customerIds` from `connections` clients: each request
 * picks the next customer in turn and the next temperature of that customer's cycle.
 */
export async function measureCommands(baseUrl: string, customerIds: string[], connections: number, seconds: number, store: EventStore): Promise<CommandLoadResult> {
  const temperatures = ['hot', 'cold', 'warm'];
  const turns = new Map<string, number>();
  let next = 0;
  const before = (await store.headPosition())?.commit ?? 0n;
  const result = await run({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const customerId = customerIds[next++ % customerIds.length];
          const turn = turns.get(customerId) ?? 0;
          turns.set(customerId, turn + 1);
          return { ...request, path: `/customers/${customerId}/temperature`, body: JSON.stringify({ temperature: temperatures[turn % 3] }) };
        },
      },
    ],
  });
  const after = (await store.headPosition())?.commit ?? 0n;
  return { ...loadResult(result), eventsPerSecond: Number(after - before) / seconds };
}
