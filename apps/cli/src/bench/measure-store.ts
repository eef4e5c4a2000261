import * as path from 'node:path';
import { v4 as uuid } from 'uuid';
import { SqliteEventStore, type EventStore, type Position } from '@trilha/event-store';
import { latenciesOf, nowMs, type Latencies } from './stats';

export interface RawAppendResult extends Latencies {
  perSecond: number;
}

/**
 * (1) The baseline: one event per durable transaction through the adapter, each awaited before
 * the next (nothing to group), on a fresh file in the bench folder. The payload is the size of a
 * sealed temperature change.
 */
export async function measureRawAppends(dir: string, count: number): Promise<RawAppendResult> {
  const store = new SqliteEventStore(path.join(dir, 'raw-appends.sqlite'));
  const latencies: number[] = [];
  const data = { customerId: uuid(), from: 'warm', to: 'hot' };
  const metadata = { actor: { id: 'bench', role: 'admin', kind: 'user' as const }, commandId: uuid(), correlationId: uuid(), causationId: uuid(), occurredAt: new Date().toISOString(), schemaVersion: 1, integrity: { hash: 'x'.repeat(64), prev: 'y'.repeat(64) } };
  const started = nowMs();
  for (let i = 0; i < count; i++) {
    const t0 = nowMs();
    await store.append(`customer-${uuid()}`, [{ id: uuid(), type: 'TemperatureChanged', data, metadata }], 'noStream');
    latencies.push(nowMs() - t0);
  }
  const totalMs = nowMs() - started;
  await store.close();
  return { ...latenciesOf(latencies), perSecond: (count / totalMs) * 1000 };
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
