/** Percentiles and rates for the bench (never used by tests as assertions). */
export interface Latencies {
  count: number;
  p50: number;
  p99: number;
}

export function latenciesOf(samplesMs: number[]): Latencies {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99) };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = nowMs();
  const value = await run();
  return { ms: nowMs() - started, value };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
