import { adminToken } from './bench-app';
import { latenciesOf, nowMs, sleep, type Latencies } from './stats';

const PROBE_EVERY = 5;

export interface LagResult extends Latencies {
  ratePerSecond: number;
  failed: number;
}

/**
 * (5) Commands sent open-loop at `ratePerSecond` for `seconds` (comments: unlike a temperature
 * change, a comment always appends);
 * as soon as one answers, GET its customer's timeline with `?minPosition=` of the answer, which
 * the server holds until the timeline projection has applied that position. The lag of a command
 * is the time from its answer to that GET's answer: an upper bound that includes one GET round trip.
 * Only every PROBE_EVERY-th command is followed by such a GET, so that the probes add little load.
 */
export async function measureLiveLag(baseUrl: string, customerIds: string[], ratePerSecond: number, seconds: number): Promise<LagResult> {
  const headers = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
  const lags: number[] = [];
  let failed = 0;
  const total = Math.max(1, Math.round(ratePerSecond * seconds));
  const interval = 1000 / ratePerSecond;
  const started = nowMs();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - nowMs();
    if (wait > 1) await sleep(wait);
    const customerId = customerIds[i % customerIds.length];
    inFlight.push(
      (async () => {
        const command = await fetch(`${baseUrl}/customers/${customerId}/comments`, { method: 'POST', headers, body: JSON.stringify({ text: `Lag probe ${i}` }) });
        const answer = (await command.json()) as { position?: string | null };
        const answeredAt = nowMs();
        if (!command.ok || !answer.position) {
          failed++;
          return;
        }
        if (i % PROBE_EVERY !== 0) return;
        const read = await fetch(`${baseUrl}/customers/${customerId}/timeline?limit=1&minPosition=${answer.position}`, { headers });
        await read.arrayBuffer();
        if (!read.ok) failed++;
        else lags.push(nowMs() - answeredAt);
      })().catch(() => {
        failed++;
      }),
    );
  }
  await Promise.all(inFlight);
  return { ...latenciesOf(lags), ratePerSecond, failed };
}
