/** How big a bench run is. `--quick` and the full mode are the two documented sizes. */
export interface BenchOptions {
  mode: 'quick' | 'full' | 'custom';
  /** Events seeded into the store (registrations, wallet moves, appointments and activity). */
  events: number;
  customers: number;
  /** Customers placed in the benchmarked wallet (its board). */
  boardCards: number;
  /** Appointments scheduled in the benchmarked calendar month. */
  monthAppointments: number;
  /** One-event durable appends timed for the baseline (1). */
  rawAppends: number;
  /** How long each autocannon load runs. */
  loadSeconds: number;
  /** Concurrent HTTP clients of the command load (2). */
  connections: number;
  /** Requests timed per query in (6), and commands timed in (5). */
  samples: number;
  /** Where the markdown table goes. */
  docPath: string;
}

export const QUICK = { events: 100_000, customers: 4_000 };
export const FULL = { events: 1_000_000, customers: 10_000 };

/**
 * The sizes of a mode; `events` and `customers` may be overridden (the smoke test runs the quick
 * mode's code on a few thousand events).
 */
export function benchOptions(input: { quick?: boolean; events?: number; customers?: number; docPath: string }): BenchOptions {
  const base = input.quick ? QUICK : FULL;
  const custom = input.events !== undefined || input.customers !== undefined;
  const events = input.events ?? base.events;
  const customers = input.customers ?? Math.min(base.customers, Math.max(10, Math.floor(events / 25)));
  if (events < customers * 3) throw new RangeError(`--events must be at least 3 per customer (${customers * 3} for ${customers} customers)`);
  const small = events < 20_000;
  return {
    mode: custom ? 'custom' : input.quick ? 'quick' : 'full',
    events,
    customers,
    boardCards: Math.min(2_000, Math.floor(customers / 2)),
    monthAppointments: Math.min(600, Math.floor(customers / 4)),
    rawAppends: small ? 300 : input.quick ? 2_000 : 5_000,
    loadSeconds: small ? 2 : input.quick ? 8 : 15,
    connections: 32,
    samples: small ? 50 : input.quick ? 300 : 1_000,
    docPath: input.docPath,
  };
}
