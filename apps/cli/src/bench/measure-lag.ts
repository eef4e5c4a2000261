import { adminToken } from './bench-app';
import { LoopbackClient } from './loopback-client';
import { latenciesOf, nowMs, sleep, type Latencies } from './stats';

const PROBE_EVERY = 5;
/** Consecutive commands of a customer set different temperatures: each appends. */
const TEMPERATURES = ['hot', 'cold', 'warm'];

export interface LagResult extends Latencies {
  ratePerSecond: number;
  failed: number;
}

/**
 * (5) The command of (2), a temperature change, sent open-loop at `ratePerSecond` (half the rate
 * (2) reached) for `seconds`, each customer stepping through the temperatures so that its
 * commands append. As soon as one answers, GET its customer's timeline with `?minPosition=` of the
 * answer, which the server holds until the timeline projection has applied that position. The lag
 * of a command is the time from its answer to that GET's answer: an upper bound that includes one
 * GET round trip. About one command in PROBE_EVERY is followed by such a GET, so that the probes
 * add little load, and only one known to have appended: its revision is past the one its
 * customer's previous command answered (the first command of a customer may set the temperature
 * it already has).
 */
export async function measureLiveLag(baseUrl: string, customerIds: string[], ratePerSecond: number, seconds: number): Promise<LagResult> {
  const headers = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
  const lags: number[] = [];
  const lastRevision = new Map<string, bigint>();
  let failed = 0;
  let probes = 0;
  const total = Math.max(1, Math.round(ratePerSecond * seconds));
  const interval = 1000 / ratePerSecond;
  // Every customer gets several commands, so that most are known to append (a short run uses fewer customers).
  const customers = customerIds.slice(0, Math.min(customerIds.length, Math.max(1, Math.floor(total / PROBE_EVERY))));
  const started = nowMs();
  const inFlight: Array<Promise<void>> = [];
  const client = new LoopbackClient();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - nowMs();
    if (wait > 1) await sleep(wait);
    const customerId = customers[i % customers.length];
    const temperature = TEMPERATURES[Math.floor(i / customers.length) % TEMPERATURES.length];
    inFlight.push(
      (async () => {
        const command = await client.request('POST', `${baseUrl}/customers/${customerId}/temperature`, headers, JSON.stringify({ temperature }));
        const answeredAt = nowMs();
        const answer = (isOk(command.status) ? JSON.parse(command.body) : {}) as { revision?: string; position?: string | null };
        if (!answer.position || answer.revision === undefined) {
          failed++;
          return;
        }
        const revision = BigInt(answer.revision);
        const previous = lastRevision.get(customerId);
        if (previous === undefined || revision > previous) lastRevision.set(customerId, revision);
        if (previous === undefined || revision <= previous) return;
        // About one command in PROBE_EVERY, counted over those sent so far rather than by index:
        // answers arrive out of order under load, and a command whose customer had no earlier
        // answer yet cannot be known to have appended.
        if (probes >= Math.ceil((i + 1) / PROBE_EVERY)) return;
        probes++;
        const read = await client.request('GET', `${baseUrl}/customers/${customerId}/timeline?limit=1&minPosition=${answer.position}`, headers);
        if (!isOk(read.status)) failed++;
        else lags.push(nowMs() - answeredAt);
      })().catch(() => {
        failed++;
      }),
    );
  }
  await Promise.all(inFlight);
  client.close();
  return { ...latenciesOf(lags), ratePerSecond, failed };
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}
