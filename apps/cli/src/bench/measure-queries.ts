import Database from 'better-sqlite3';
import { adminToken } from './bench-app';
import { latenciesOf, nowMs, type Latencies } from './stats';

export interface QueryResult {
  name: string;
  http: Latencies;
  bare: Latencies;
  /** Rows or items one answer held, to show both sides read the same data. */
  httpItems: number;
  bareRows: number;
}

/** The table of a logical collection's newest generation in the SQLite read store (`rs_<name>_v<n>`). */
function tableOf(db: Database.Database, logical: string): string {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?`).pluck().all(`rs_${logical}_v[0-9]*`) as string[]).sort(
    (a, b) => Number(b.slice(b.lastIndexOf('_v') + 2)) - Number(a.slice(a.lastIndexOf('_v') + 2)),
  );
  if (!names[0]) throw new Error(`No table for ${logical}`);
  return `"${names[0]}"`;
}

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

function timeBare(samples: number, run: (i: number) => unknown[]): { latencies: Latencies; rows: number } {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < samples; i++) {
    const t0 = nowMs();
    rows = run(i).length;
    times.push(nowMs() - t0);
  }
  return { latencies: latenciesOf(times), rows };
}

/**
 * (6) Each query over HTTP (one client, sequential) against a bare query of the same rows with
 * better-sqlite3 directly on the read-model file: the same index (the expression the read store
 * declared), documents parsed from JSON, nothing else (no auth, no labels, no time-relative fields, no HTTP).
 */
export async function measureQueries(
  baseUrl: string,
  readModelsFile: string,
  world: { customerIds: string[]; walletId: string; month: string; monthDays: number },
  samples: number,
): Promise<QueryResult[]> {
  const db = new Database(readModelsFile, { readonly: true });
  const parse = (rows: Array<{ doc: string }>) => rows.map((row) => JSON.parse(row.doc) as unknown);
  const customer = (i: number) => world.customerIds[(i * 37) % world.customerIds.length];
  const results: QueryResult[] = [];

  const timelineSql = db.prepare(
    `SELECT doc FROM ${tableOf(db, 'timeline_entries')} WHERE json_extract(doc, '$."customerId"') = ? ORDER BY json_extract(doc, '$."at"') DESC, json_extract(doc, '$."pos"') DESC LIMIT 50`,
  );
  const timelineHttp = await timeHttp(samples, (i) => `${baseUrl}/customers/${customer(i)}/timeline?limit=50`, (body) => (body as { items: unknown[] }).items.length);
  const timelineBare = timeBare(samples, (i) => parse(timelineSql.all(customer(i)) as Array<{ doc: string }>));
  results.push({ name: 'timeline page (50 entries)', http: timelineHttp.latencies, bare: timelineBare.latencies, httpItems: timelineHttp.items, bareRows: timelineBare.rows });

  const cardsSql = db.prepare(`SELECT doc FROM ${tableOf(db, 'wallet_board_cards')} WHERE json_extract(doc, '$."walletId"') = ?`);
  const walletSql = db.prepare(`SELECT doc FROM ${tableOf(db, 'wallet_board_wallets')} WHERE id = ?`);
  const journeySql = db.prepare(`SELECT doc FROM ${tableOf(db, 'wallet_board_journeys')} WHERE id = ?`);
  const boardHttp = await timeHttp(samples, () => `${baseUrl}/wallets/${world.walletId}/board`, (body) => (body as { total: number }).total);
  const boardBare = timeBare(samples, () => {
    const wallet = JSON.parse((walletSql.get(world.walletId) as { doc: string }).doc) as { journeyId: string };
    journeySql.get(wallet.journeyId);
    return parse(cardsSql.all(world.walletId) as Array<{ doc: string }>);
  });
  results.push({ name: 'wallet board', http: boardHttp.latencies, bare: boardBare.latencies, httpItems: boardHttp.items, bareRows: boardBare.rows });

  const from = `${world.month}-01`;
  const to = `${world.month}-${String(world.monthDays).padStart(2, '0')}`;
  const monthSql = db.prepare(
    `SELECT doc FROM ${tableOf(db, 'actions')} WHERE json_extract(doc, '$."scheduledFor"') >= ? AND json_extract(doc, '$."scheduledFor"') < ? ORDER BY json_extract(doc, '$."scheduledFor"')`,
  );
  const calendarHttp = await timeHttp(samples, () => `${baseUrl}/calendar?from=${from}&to=${to}`, (body) => (body as { days: Array<{ total: number }> }).days.reduce((n, d) => n + d.total, 0));
  const calendarBare = timeBare(samples, () => parse(monthSql.all(`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`) as Array<{ doc: string }>));
  results.push({ name: 'calendar month', http: calendarHttp.latencies, bare: calendarBare.latencies, httpItems: calendarHttp.items, bareRows: calendarBare.rows });

  db.close();
  return results;
}
