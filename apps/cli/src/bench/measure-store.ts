import * as path from 'node:path';
import { v4 as uuid } from 'uuid';
import { SqliteEventStore, type EventStore, type Position } from '@trilha/event-store';
import { AppendWriter, toAppendRequest } from '@trilha/event-store/sqlite/append-writer';
import { openEventsDatabase } from '@trilha/event-store/sqlite/sqlite-schema';
import { latenciesOf, nowMs, type Latencies } from './stats';

export interface RawAppendResult extends Latencies {
  perSecond: number;
}

/**
 * (1) The baseline: one event per durable transaction through the adapter, each awaited before
 * the next (nothing to group), on a fresh file in the bench folder. The payload is the size of a
 * sealed temperature change. With `concurrency` > 1, that many writers append at once (one event
 * per append, each awaited by its writer): the SQLite store then commits them in groups (ADR 0020).
 */
export async function measureRawAppends(dir: string, count: number, concurrency = 1): Promise<RawAppendResult> {
  const store = new SqliteEventStore(path.join(dir, `raw-appends-${concurrency}.sqlite`));
  const latencies: number[] = [];
  const { data, metadata } = rawPayload();
  let started = 0;
  const writer = async () => {
    while (started < count) {
      started++;
      const t0 = nowMs();
      await store.append(`customer-${uuid()}`, [{ id: uuid(), type: 'TemperatureChanged', data, metadata }], 'noStream');
      latencies.push(nowMs() - t0);
    }
  };
  const t0 = nowMs();
  await Promise.all(Array.from({ length: concurrency }, writer));
  const totalMs = nowMs() - t0;
  await store.close();
  return { ...latenciesOf(latencies), perSecond: (count / totalMs) * 1000 };
}

/**
 * (1a, not targeted) The same one-event appends, committed by the store's own writer code
 * (AppendWriter) on this thread: what a durable transaction costs without the hop to the
 * writer thread (ADR 0022) that (1) includes.
 */
export function measureInThreadAppends(dir: string, count: number): RawAppendResult {
  const db = openEventsDatabase(path.join(dir, 'raw-appends-in-thread.sqlite'));
  const writer = new AppendWriter(db);
  const { data, metadata } = rawPayload();
  const latencies: number[] = [];
  const t0 = nowMs();
  for (let i = 0; i < count; i++) {
    const started = nowMs();
    const [outcome] = writer.commit([toAppendRequest(`customer-${uuid()}`, [{ id: uuid(), type: 'TemperatureChanged', data, metadata }], 'noStream')]);
    if (!outcome.ok) throw outcome.error;
    latencies.push(nowMs() - started);
  }
  const totalMs = nowMs() - t0;
  db.close();
  return { ...latenciesOf(latencies), perSecond: (count / totalMs) * 1000 };
}

/** The payload of a sealed temperature change. */
function rawPayload() {
  const data = { customerId: uuid(), from: 'warm', to: 'hot' };
  const metadata = { actor: { id: 'bench', role: 'admin', kind: 'user' as const }, commandId: uuid(), correlationId: uuid(), causationId: uuid(), occurredAt: new Date().toISOString(), schemaVersion: 1, integrity: { hash: 'x'.repeat(64), prev: 'y'.repeat(64) } };
  return { data, metadata };
}

/** The raw `readAll` rate: the whole store in pages of `pageSize`, as stored (no decryption). */
export async function measureReadAll(store: EventStore, pageSize = 500): Promise<{ events: number; perSecond: number }> {
  let from: Position | undefined;
  let events = 0;
  const started = nowMs();
  for (;;) {
    const page = await store.readAll({ fromPosition: from, limit: pageSize });
    if (page.length === 0) break;
    events += page.length;
    from = page[page.length - 1].position;
  }
  return { events, perSecond: (events / (nowMs() - started)) * 1000 };
}
