import { adminToken } from './bench-app';
import { QUERY_NAMES, queryCases, TIMELINE_PAGE, type QueryWorld } from './query-cases';
import { latenciesOf, nowMs, type Latencies } from './stats';

/** (6) over HTTP, from the bench process: information beside the targeted in-process ratio. */
export interface HttpQueryResult {
  name: string;
  http: Latencies;
  /** Items one answer held. */
  httpItems: number;
}

/** One query as the server's own work: the query handler in process against the bare SQLite query, in the same process. */
export interface InProcessQueryResult {
  name: string;
  app: Latencies;
  bare: Latencies;
  /** Items the handler answered and rows the bare query returned, to show both read the same data. */
  appItems: number;
  bareRows: number;
  /** The answer's entry ids equal the bare rows' ids, in order (checked where the answer names them: the timeline). */
  sameIds?: boolean;
}

export type QueryResult = InProcessQueryResult & HttpQueryResult;

async function timeHttp(samples: number, url: (i: number) => string, count: (body: unknown) => number): Promise<{ latencies: Latencies; items: number }> {
  const headers = { authorization: `Bearer ${adminToken()}` };
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < samples; i++) {
    const t0 = nowMs();
    const response = await fetch(url(i), { headers });
    const body = (await response.json()) as unknown;
    times.push(nowMs() - t0);
    if (!response.ok) throw new Error(`GET ${url(i)} answered ${response.status}`);
    items = count(body);
  }
  return { latencies: latenciesOf(times), items };
}

/** Each (6) query over HTTP from one client, sequential: the whole round trip (auth, validation, JSON, loopback). */
export async function measureQueriesOverHttp(baseUrl: string, world: QueryWorld, samples: number): Promise<HttpQueryResult[]> {
  const cases = queryCases(world);
  const timeline = await timeHttp(samples, (i) => `${baseUrl}/customers/${cases.customer(i)}/timeline?limit=${TIMELINE_PAGE}`, (body) => (body as { items: unknown[] }).items.length);
  const board = await timeHttp(samples, () => `${baseUrl}/wallets/${cases.walletId}/board`, (body) => (body as { total: number }).total);
  const calendar = await timeHttp(samples, () => `${baseUrl}/calendar?from=${cases.from}&to=${cases.to}`, (body) => (body as { days: Array<{ total: number }> }).days.reduce((n, d) => n + d.total, 0));
  return [
    { name: QUERY_NAMES.timeline, http: timeline.latencies, httpItems: timeline.items },
    { name: QUERY_NAMES.board, http: board.latencies, httpItems: board.items },
    { name: QUERY_NAMES.calendar, http: calendar.latencies, httpItems: calendar.items },
  ];
}

/** The in-process and HTTP measurements of each query, side by side. */
export function joinQueryResults(inProcess: InProcessQueryResult[], http: HttpQueryResult[]): QueryResult[] {
  return inProcess.map((query) => {
    const overHttp = http.find((h) => h.name === query.name);
    if (!overHttp) throw new Error(`No HTTP measurement of ${query.name}`);
    return { ...query, ...overHttp };
  });
}
