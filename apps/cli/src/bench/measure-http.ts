import autocannon from 'autocannon';
import type { EventStore } from '@trilha/event-store';
import { adminToken } from './bench-app';

export interface LoadResult {
  requestsPerSecond: number;
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
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
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
    p50: mean((load) => load.p50),
    p99: Math.max(...loads.map((load) => load.p99)),
    non2xx: loads.reduce((sum, load) => sum + load.non2xx, 0),
    errors: loads.reduce((sum, load) => sum + load.errors, 0),
  };
}

/**
 * (3) The minimal Nest app and bare Fastify loaded in alternating rounds (Nest, Fastify, Nest,
 * Fastify), each round half of `seconds`, so that a change in the shared machine's load between
 * two runs weighs on both sides alike.
 */
export async function measureHelloPair(nestUrl: string, bareUrl: string, connections: number, seconds: number): Promise<{ nest: LoadResult; bare: LoadResult }> {
  const half = Math.max(1, Math.round(seconds / 2));
  const nest: LoadResult[] = [];
  const bare: LoadResult[] = [];
  for (let round = 0; round < 2; round++) {
    nest.push(await measureHello(nestUrl, connections, half));
    bare.push(await measureHello(bareUrl, connections, half));
  }
  return { nest: combineLoads(nest), bare: combineLoads(bare) };
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
