import type { EventStore } from '@trilha/event-store';
import { verifyEventLog } from '../../api/src/audit/verify-event-log';
import type { ApiClient } from './api-client';
import { progressBar } from './progress-bar';

/** What an audit command prints, and the exit code it ends with (non-zero: the check failed). */
export interface CommandOutput {
  lines: string[];
  exitCode: number;
}

interface HistoryEvent {
  eventId: string;
  type: string;
  revision: string;
  position: string;
  occurredAt: string;
  actor: { id: string; role?: string } | null;
  data: Record<string, unknown>;
}

interface StreamVerification {
  ok: boolean;
  events: number;
  verified: number;
  unchained: number;
  firstBadRevision?: string;
  reason?: string;
  headHash: string | null;
}

interface StoreVerification {
  ok: boolean;
  streams: number;
  events: number;
  unchained: number;
  bad: Array<{ streamId: string; firstBadRevision: string; reason: string }>;
}

const path = (customerId: string, route: string) => `/customers/${encodeURIComponent(customerId)}/${route}`;

/** `trilha history <customerId>`: one event per line, oldest first. */
export async function historyCommand(client: ApiClient, customerId: string): Promise<CommandOutput> {
  const { streamId, events } = await client.get<{ streamId: string; events: HistoryEvent[] }>(path(customerId, 'history'));
  const lines = events.map((e) => {
    const actor = e.actor ? `${e.actor.id}${e.actor.role ? `/${e.actor.role}` : ''}` : '-';
    return [`#${e.revision}`, e.occurredAt, e.type, actor, `pos ${e.position}`, JSON.stringify(e.data)].join('  ');
  });
  return { lines: [`${streamId}: ${events.length} events`, ...lines], exitCode: 0 };
}

/** `trilha state <customerId> [--as-of <instant>] [--revision <n>]`: the answer as JSON; now when neither is given. */
export async function stateCommand(client: ApiClient, customerId: string, options: { asOf?: string; revision?: string }, now = new Date()): Promise<CommandOutput> {
  const query =
    options.asOf === undefined && options.revision === undefined
      ? { asOf: now.toISOString() }
      : { ...(options.asOf !== undefined ? { asOf: options.asOf } : {}), ...(options.revision !== undefined ? { revision: options.revision } : {}) };
  const answer = await client.get<unknown>(`${path(customerId, 'state')}?${new URLSearchParams(query).toString()}`);
  return { lines: [JSON.stringify(answer, null, 2)], exitCode: 0 };
}

/** `trilha verify <customerId>`, or `trilha verify --server`: asks the running server; exits 1 when not ok. */
export async function verifyCommand(client: ApiClient, customerId?: string): Promise<CommandOutput> {
  if (customerId !== undefined) {
    const v = await client.get<StreamVerification>(path(customerId, 'verify'));
    const line = v.ok
      ? `ok: ${v.verified} of ${v.events} events verified; head ${v.headHash}`
      : `BAD: revision ${v.firstBadRevision} ${v.reason}; ${v.verified} of ${v.events} events verified, ${v.unchained} without integrity; head ${v.headHash ?? '-'}`;
    return { lines: [line], exitCode: v.ok ? 0 : 1 };
  }
  return storeReport(await client.get<StoreVerification>('/audit/verify'));
}

/**
 * `trilha verify`: walks the whole event store itself (the one the configuration names), every
 * stream, with a progress bar on stderr. Needs access to the store, not a token.
 */
export async function verifyStoreCommand(store: EventStore, progress: NodeJS.WritableStream = process.stderr): Promise<CommandOutput> {
  const head = await store.headPosition();
  const bar = progressBar('verify', 'events', progress);
  // Positions grow with the log (a sequence on SQLite, a byte offset on EventStoreDB): the
  // share of the head reached is the share of the log checked.
  const total = head ? Number(head.commit) : 0;
  bar.start(Math.max(total, 1), 0, { speed: 0 });
  const startedAt = Date.now();
  try {
    const report = await verifyEventLog(store, (reached, events) => {
      const seconds = (Date.now() - startedAt) / 1000;
      bar.update(Math.min(Number(reached.commit), total), { speed: seconds > 0 ? Math.round(events / seconds) : 0 });
    });
    bar.update(Math.max(total, 1));
    return storeReport(report);
  } finally {
    bar.stop();
  }
}

function storeReport(all: StoreVerification): CommandOutput {
  const summary = `${all.ok ? 'ok' : 'BAD'}: ${all.streams} streams, ${all.events} events, ${all.unchained} without integrity, ${all.bad.length} not ok`;
  const bad = all.bad.map((b) => `BAD ${b.streamId}: revision ${b.firstBadRevision} ${b.reason}`);
  return { lines: [summary, ...bad], exitCode: all.ok ? 0 : 1 };
}
