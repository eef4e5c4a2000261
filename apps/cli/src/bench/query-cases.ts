import type { SeededWorld } from './seed-setup';

/** What (6) queries, identical over HTTP and in process: the same customers, wallet and month. */
export interface QueryCases {
  /** The customer of the i-th timeline sample (spread over the seeded customers). */
  customer(i: number): string;
  walletId: string;
  /** The calendar month as the local days `from`…`to` (`YYYY-MM-DD`). */
  from: string;
  to: string;
}

export const TIMELINE_PAGE = 50;

export type QueryWorld = Pick<SeededWorld, 'customerIds' | 'walletId' | 'month' | 'monthDays'>;

export function queryCases(world: QueryWorld): QueryCases {
  return {
    customer: (i) => world.customerIds[(i * 37) % world.customerIds.length],
    walletId: world.walletId,
    from: `${world.month}-01`,
    to: `${world.month}-${String(world.monthDays).padStart(2, '0')}`,
  };
}

export const QUERY_NAMES = { timeline: `timeline page (${TIMELINE_PAGE} entries)`, board: 'wallet board', calendar: 'calendar month' } as const;
