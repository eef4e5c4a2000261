import Database from 'better-sqlite3';
import type { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { labelKeysOf, type TimelineEntryDocument } from '@trilha/projections/timeline';
import { ALL_CUSTOMERS } from '../../../api/src/authorization/portfolio-scope';
import { utcWindow } from '../../../api/src/calendar/calendar-date';
import type { CalendarDto } from '../../../api/src/calendar/calendar.dto';
import { GetCalendarQuery } from '../../../api/src/calendar/get-calendar.query';
import { GetCustomerTimelineQuery } from '../../../api/src/timeline/get-customer-timeline.query';
import type { TimelinePageDto } from '../../../api/src/timeline/timeline.dto';
import { GetWalletBoardQuery } from '../../../api/src/wallets/get-wallet-board.query';
import type { WalletBoardDto } from '../../../api/src/wallets/wallet-board.dto';
import type { InProcessQueryResult } from './measure-queries';
import { QUERY_NAMES, queryCases, TIMELINE_PAGE, type QueryWorld } from './query-cases';
import { latenciesOf, nowMs } from './stats';

type Doc = Record<string, unknown> & { _id?: string };

/** The table of a logical collection's newest generation in the SQLite read store (`rs_<name>_v<n>`). */
function tableOf(db: Database.Database, logical: string): string {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?`).pluck().all(`rs_${logical}_v[0-9]*`) as string[]).sort(
    (a, b) => Number(b.slice(b.lastIndexOf('_v') + 2)) - Number(a.slice(a.lastIndexOf('_v') + 2)),
  );
  if (!names[0]) throw new Error(`No table for ${logical}`);
  return `"${names[0]}"`;
}

const parse = (rows: unknown[]) => (rows as Array<{ doc: string }>).map((row) => JSON.parse(row.doc) as Doc);

/**
 * Times `app(i)` and `bare(i)` alternately, `samples` times each after a few untimed warm-up
 * rounds, so that both see the same caches, the same JIT state and the same load.
 */
async function timeBoth<A, B>(samples: number, app: (i: number) => Promise<A>, bare: (i: number) => B) {
  for (let i = 0; i < Math.min(10, samples); i++) {
    await app(i);
    bare(i);
  }
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  let lastApp!: A;
  let lastBare!: B;
  for (let i = 0; i < samples; i++) {
    let t0 = nowMs();
    lastApp = await app(i);
    appTimes.push(nowMs() - t0);
    t0 = nowMs();
    lastBare = bare(i);
    bareTimes.push(nowMs() - t0);
  }
  return { app: latenciesOf(appTimes), bare: latenciesOf(bareTimes), lastApp, lastBare };
}

/**
 * (6) in the server process: each query through the app's QueryBus (the handler and ReadModels
 * the route calls, without HTTP, auth or DTO validation) against a bare query of the same rows
 * with better-sqlite3 on the same read-model file: the SQL the read store would need at least
 * (the same indexed expressions and order), documents parsed from JSON, nothing else (no labels
 * worded, no time-relative fields, no grouping).
 */
export async function measureQueriesInProcess(app: INestApplicationContext, readModelsFile: string, world: QueryWorld, samples: number): Promise<InProcessQueryResult[]> {
  const queries = app.get(QueryBus);
  const cases = queryCases(world);
  const db = new Database(readModelsFile, { readonly: true });
  const results: InProcessQueryResult[] = [];
  try {
    // Timeline: the customer's row (it must exist), one page plus one entry (is there a next page?), then the labels the page names.
    const customerSql = db.prepare(`SELECT doc FROM ${tableOf(db, 'timeline_customers')} WHERE id = ? LIMIT 1`);
    const entriesSql = db.prepare(
      `SELECT doc FROM ${tableOf(db, 'timeline_entries')} WHERE json_extract(doc, '$."customerId"') = ? ` +
        `ORDER BY json_extract(doc, '$."at"') DESC, json_extract(doc, '$."pos"') DESC, id ASC LIMIT ${TIMELINE_PAGE + 1}`,
    );
    const labelsTable = tableOf(db, 'timeline_labels');
    const labelsSql = new Map<number, Database.Statement>();
    const labelsOf = (keys: string[]) => {
      if (keys.length === 0) return [];
      if (!labelsSql.has(keys.length)) labelsSql.set(keys.length, db.prepare(`SELECT doc FROM ${labelsTable} WHERE id IN (${keys.map(() => '?').join(', ')})`));
      return parse(labelsSql.get(keys.length)!.all(...keys));
    };
    const timeline = await timeBoth(
      samples,
      (i) => queries.execute<GetCustomerTimelineQuery, TimelinePageDto>(new GetCustomerTimelineQuery(cases.customer(i), {}, { limit: TIMELINE_PAGE })),
      (i) => {
        if (!customerSql.get(cases.customer(i))) throw new Error('bare timeline: no customer');
        const entries = parse(entriesSql.all(cases.customer(i))).slice(0, TIMELINE_PAGE);
        labelsOf(labelKeysOf(entries as unknown as TimelineEntryDocument[]));
        return entries;
      },
    );
    const appIds = timeline.lastApp.items.map((item) => item.id);
    results.push({
      name: QUERY_NAMES.timeline,
      app: timeline.app,
      bare: timeline.bare,
      appItems: appIds.length,
      bareRows: timeline.lastBare.length,
      sameIds: appIds.join() === timeline.lastBare.map((doc) => doc.eventId).join(),
    });

    // Board: the wallet, its journey, all its cards.
    const walletSql = db.prepare(`SELECT doc FROM ${tableOf(db, 'wallet_board_wallets')} WHERE id = ? LIMIT 1`);
    const journeySql = db.prepare(`SELECT doc FROM ${tableOf(db, 'wallet_board_journeys')} WHERE id = ? LIMIT 1`);
    const cardsSql = db.prepare(`SELECT doc FROM ${tableOf(db, 'wallet_board_cards')} WHERE json_extract(doc, '$."walletId"') = ? ORDER BY id`);
    const board = await timeBoth(
      samples,
      () => queries.execute<GetWalletBoardQuery, WalletBoardDto>(new GetWalletBoardQuery(cases.walletId, {}, ALL_CUSTOMERS)),
      () => {
        const wallet = parse([walletSql.get(cases.walletId)])[0] as { journeyId?: string };
        if (wallet.journeyId) journeySql.get(wallet.journeyId);
        return parse(cardsSql.all(cases.walletId));
      },
    );
    results.push({ name: QUERY_NAMES.board, app: board.app, bare: board.bare, appItems: board.lastApp.total, bareRows: board.lastBare.length });

    // Calendar: the actions in the same UTC window the app reads (a day wider on each side than the local month), in time order.
    const window = utcWindow(cases.from, cases.to);
    const monthSql = db.prepare(
      `SELECT doc FROM ${tableOf(db, 'actions')} WHERE json_extract(doc, '$."scheduledFor"') >= ? AND json_extract(doc, '$."scheduledFor"') < ? ` +
        `ORDER BY json_extract(doc, '$."scheduledFor"'), id`,
    );
    const calendar = await timeBoth(
      samples,
      () => queries.execute<GetCalendarQuery, CalendarDto>(new GetCalendarQuery({ from: cases.from, to: cases.to, scope: ALL_CUSTOMERS })),
      () => parse(monthSql.all(window.$gte, window.$lt)),
    );
    results.push({
      name: QUERY_NAMES.calendar,
      app: calendar.app,
      bare: calendar.bare,
      appItems: calendar.lastApp.days.reduce((n, day) => n + day.total, 0),
      bareRows: calendar.lastBare.length,
    });
  } finally {
    db.close();
  }
  return results;
}
