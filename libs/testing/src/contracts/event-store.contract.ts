import { v4 as uuid } from 'uuid';
import {
  comparePositions,
  ConcurrencyError,
  type EventData,
  type EventStore,
  type Position,
  type Subscription,
  type SubscriptionItem,
} from '@trilha/event-store';

/**
 * The EventStore contract, run against every adapter. The store may be shared with other data
 * (a real EventStoreDB server), so every stream name is unique to this run and every read or
 * subscription over `$all` is narrowed by this run's stream prefixes (or its unique event types)
 * and starts from a position taken just before the test's appends.
 *
 * Subscription semantics checked here:
 * - catch-up delivers the matching events after `fromPosition` (exclusive) in global order, then
 *   one `caughtUp`, then live events, without gap or duplicate, whenever the appends happen;
 * - `checkpoint` items say "scanned up to here, nothing more matched"; their positions never go
 *   backwards. During catch-up they are optional (EventStoreDB sends them every so many scanned
 *   events), and a filtered subscription that matches nothing still ends its catch-up with
 *   `caughtUp`. Once caught up, a tail of events the filter leaves out is reported: a
 *   checkpoint at or past its last event eventually comes (the embedded adapters send it when
 *   they read the tail, the EventStoreDB adapter when it probes the tail of an idle
 *   subscription), so a filtered consumer reaches the head without an event of its own.
 * - `close()` ends the iteration, resolving a pending `next()` with `done`.
 */
export function describeEventStoreContract(label: string, open: () => Promise<EventStore>): void {
  describe(label, () => {
    const run = uuid().replace(/-/g, '').slice(0, 12);
    let counter = 0;
    /** A stream name no other test or run uses. */
    const newStream = () => `contract${run}-${++counter}`;
    /** A stream prefix no other test or run uses (the trailing dash keeps `…-1` from matching `…-10`). */
    const newPrefix = () => `contract${run}p${++counter}-`;
    const uniqueType = (name: string) => `${name}${run}`;

    const event = (type = 'Tested', data: Record<string, unknown> = {}): EventData => ({
      id: uuid(),
      type,
      data,
      metadata: { correlationId: 'contract' },
    });
    const events = (count: number, type = 'Tested') => Array.from({ length: count }, (_, i) => event(type, { i }));

    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const revisionsOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.revision);
    const idsOf = (list: { id: string }[]) => list.map((e) => e.id);
    const expectStrictlyIncreasing = (positions: Position[]) => {
      for (let i = 1; i < positions.length; i++) expect(comparePositions(positions[i - 1], positions[i])).toBe(-1);
    };
    const catchConcurrencyError = async (promise: Promise<unknown>): Promise<ConcurrencyError> => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConcurrencyError);
      return error as ConcurrencyError;
    };

    describe('append and expected revision', () => {
      it('appends to a new stream with noStream and reads back what was supplied', async () => {
        const stream = newStream();
        const supplied = event('Created', { name: 'Ana' });
        const result = await store.append(stream, [supplied], 'noStream');

        expect(result.nextExpectedRevision).toBe(0n);
        const [recorded, ...rest] = await store.readStream(stream);
        expect(rest).toEqual([]);
        expect(recorded.id).toBe(supplied.id);
        expect(recorded.streamId).toBe(stream);
        expect(recorded.type).toBe('Created');
        expect(recorded.revision).toBe(0n);
        expect(recorded.data).toEqual({ name: 'Ana' });
        expect(recorded.metadata).toEqual({ correlationId: 'contract' });
        expect(comparePositions(recorded.position, result.position)).toBe(0);
        expect(new Date(recorded.created).toISOString()).toBe(recorded.created);
      });

      it('numbers the events of a stream 0, 1, 2 … across appends', async () => {
        const stream = newStream();
        expect((await store.append(stream, [event()], 'noStream')).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream, events(2), 0n)).nextExpectedRevision).toBe(2n);
        expect((await store.append(stream, [event()], 2n)).nextExpectedRevision).toBe(3n);
        expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n, 3n]);
      });

      it('refuses a wrong revision with ConcurrencyError and appends nothing', async () => {
        const stream = newStream();
        await store.append(stream, events(2), 'noStream');

        const error = await catchConcurrencyError(store.append(stream, events(3), 0n));
        expect(error.streamId).toBe(stream);
        expect(error.expected).toBe(0n);
        expect(error.actual).toBe(1n);
        await catchConcurrencyError(store.append(stream, [event()], 5n));
        expect(await revisionsOf(stream)).toEqual([0n, 1n]);
      });

      it('refuses a revision on a stream that does not exist', async () => {
        const stream = newStream();
        const error = await catchConcurrencyError(store.append(stream, [event()], 0n));
        expect(error.actual).toBe('noStream');
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('refuses noStream on an existing stream', async () => {
        const stream = newStream();
        await store.append(stream, [event()], 'noStream');
        const error = await catchConcurrencyError(store.append(stream, [event()], 'noStream'));
        expect(error.actual).toBe(0n);
        expect(await revisionsOf(stream)).toEqual([0n]);
      });

      it('accepts streamExists only on an existing stream', async () => {
        const stream = newStream();
        const error = await catchConcurrencyError(store.append(stream, [event()], 'streamExists'));
        expect(error.actual).toBe('noStream');
        expect(await store.readStream(stream)).toEqual([]);

        await store.append(stream, [event()], 'noStream');
        expect((await store.append(stream, [event()], 'streamExists')).nextExpectedRevision).toBe(1n);
      });

      it('accepts any on a missing and on an existing stream', async () => {
        const stream = newStream();
        expect((await store.append(stream, [event()], 'any')).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream, events(2), 'any')).nextExpectedRevision).toBe(2n);
        expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n]);
      });

      it('appends several events at once, in order, at strictly increasing positions', async () => {
        const stream = newStream();
        const batch = events(4);
        const result = await store.append(stream, batch, 'noStream');

        const recorded = await store.readStream(stream);
        expect(idsOf(recorded)).toEqual(idsOf(batch));
        expect(recorded.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
        expectStrictlyIncreasing(recorded.map((e) => e.position));
        expect(comparePositions(recorded[3].position, result.position)).toBe(0);
        expect(result.nextExpectedRevision).toBe(3n);
      });

      it('treats the exact retry of an append (same ids, same expected revision) as already done', async () => {
        const stream = newStream();
        const first = events(2);
        const original = await store.append(stream, first, 'noStream');
        const retried = await store.append(stream, first, 'noStream');
        expect(retried.nextExpectedRevision).toBe(original.nextExpectedRevision);

        const second = [event()];
        await store.append(stream, second, 1n);
        expect((await store.append(stream, second, 1n)).nextExpectedRevision).toBe(2n);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf([...first, ...second]));
      });
    });

    // Stores may commit concurrent appends together (SQLite's group commit, ADR 0020): each
    // append must still be judged, stored and answered on its own.
    describe('concurrent appends', () => {
      it('to different streams all succeed, each stream holding exactly its own events', async () => {
        const streams = Array.from({ length: 12 }, () => newStream());
        const batches = streams.map((_, i) => events(1 + (i % 3)));
        const results = await Promise.all(streams.map((stream, i) => store.append(stream, batches[i], 'noStream')));

        for (const [i, stream] of streams.entries()) {
          const recorded = await store.readStream(stream);
          expect(idsOf(recorded)).toEqual(idsOf(batches[i]));
          expect(results[i].nextExpectedRevision).toBe(BigInt(batches[i].length - 1));
          expect(comparePositions(results[i].position, recorded[recorded.length - 1].position)).toBe(0);
        }
        const positions = results.map((r) => r.position).sort(comparePositions);
        expectStrictlyIncreasing(positions);
      });

      it('to the same stream with the same expected revision: one wins, the others get ConcurrencyError', async () => {
        const stream = newStream();
        await store.append(stream, [event()], 'noStream');
        const contenders = Array.from({ length: 6 }, () => events(2));
        const settled = await Promise.allSettled(contenders.map((batch) => store.append(stream, batch, 0n)));

        const winners = settled.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const outcome of settled) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
        }
        const recorded = await store.readStream(stream);
        expect(recorded.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(idsOf(recorded.slice(1))).toEqual(idsOf(contenders[winners[0]]));
      });

      it('a refused append among concurrent ones leaves the others stored', async () => {
        const [before, refused, after] = [newStream(), newStream(), newStream()];
        await store.append(refused, [event()], 'noStream');
        const [ok1, stale, ok2] = [events(2), events(1), events(3)];
        const settled = await Promise.allSettled([
          store.append(before, ok1, 'noStream'),
          store.append(refused, stale, 'noStream'),
          store.append(after, ok2, 'noStream'),
        ]);

        expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        expect(idsOf(await store.readStream(before))).toEqual(idsOf(ok1));
        expect(await revisionsOf(refused)).toEqual([0n]);
        expect(idsOf(await store.readStream(after))).toEqual(idsOf(ok2));
      });
    });

    describe('readStream', () => {
      let stream: string;
      let appended: EventData[];
      beforeAll(async () => {
        stream = newStream();
        appended = events(5);
        await store.append(stream, appended, 'noStream');
      });

      it('reads forwards by default', async () => {
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(appended));
        expect(idsOf(await store.readStream(stream, { from: 'start', direction: 'forwards' }))).toEqual(idsOf(appended));
      });

      it('reads backwards from the end', async () => {
        const reversed = idsOf(appended).reverse();
        expect(idsOf(await store.readStream(stream, { direction: 'backwards' }))).toEqual(reversed);
        expect(idsOf(await store.readStream(stream, { direction: 'backwards', from: 'end' }))).toEqual(reversed);
      });

      it('reads from a revision, inclusive, in both directions', async () => {
        const forwards = await store.readStream(stream, { from: 2n });
        expect(forwards.map((e) => e.revision)).toEqual([2n, 3n, 4n]);
        const backwards = await store.readStream(stream, { from: 3n, direction: 'backwards' });
        expect(backwards.map((e) => e.revision)).toEqual([3n, 2n, 1n, 0n]);
      });

      it('reads forwards from past the last revision as empty (a reader that is up to date)', async () => {
        expect(await store.readStream(stream, { from: 5n })).toEqual([]);
        expect(await store.readStream(stream, { from: 9n })).toEqual([]);
      });

      it('stops at the limit', async () => {
        expect((await store.readStream(stream, { limit: 2 })).map((e) => e.revision)).toEqual([0n, 1n]);
        const lastTwo = await store.readStream(stream, { direction: 'backwards', limit: 2 });
        expect(lastTwo.map((e) => e.revision)).toEqual([4n, 3n]);
        const middle = await store.readStream(stream, { from: 1n, limit: 2 });
        expect(middle.map((e) => e.revision)).toEqual([1n, 2n]);
      });

      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(newStream())).toEqual([]);
        expect(await store.readStream(newStream(), { direction: 'backwards' })).toEqual([]);
      });

      it('round-trips data and metadata: nesting, arrays, unicode, null', async () => {
        const other = newStream();
        const data = {
          name: 'João Ñandú 李雷 🎉',
          nested: { deep: { list: [1, 'two', { three: 3 }], flag: true, nothing: null } },
          amount: 1234.5,
          empty: {},
        };
        const metadata = {
          actor: { id: 'u-1', role: 'admin', name: 'Zoë', kind: 'user' as const },
          commandId: 'cmd-1',
          correlationId: 'corr-1',
          causationId: 'cause-1',
          occurredAt: '2025-01-02T03:04:05.000Z',
          schemaVersion: 2,
          extra: { tags: ['a', 'ç'] },
        };
        const withoutMetadata: EventData = { id: uuid(), type: 'Bare', data: {} };
        await store.append(other, [{ id: uuid(), type: 'Rich', data, metadata }, withoutMetadata], 'noStream');

        const [rich, bare] = await store.readStream(other);
        expect(rich.data).toEqual(data);
        expect(rich.metadata).toEqual(metadata);
        expect(bare.data).toEqual({});
        expect(bare.metadata).toEqual({});
      });
    });

    describe('readAll and headPosition', () => {
      /** Appends a, b, a (two events), b across two streams under one fresh prefix. */
      const appendInterleaved = async () => {
        const prefix = newPrefix();
        const before = await store.headPosition();
        const a = `${prefix}a`;
        const b = `${prefix}b`;
        const order = [event(), event(), event(), event(), event()];
        await store.append(a, [order[0]], 'noStream');
        await store.append(b, [order[1]], 'noStream');
        await store.append(a, [order[2], order[3]], 0n);
        const last = await store.append(b, [order[4]], 0n);
        return { prefix, before, order, last: last.position };
      };

      it('reads the streams under a prefix in global order', async () => {
        const { prefix, before, order } = await appendInterleaved();
        const all = await store.readAll({ fromPosition: before, filter: { streamPrefixes: [prefix] } });
        expect(idsOf(all)).toEqual(idsOf(order));
        expectStrictlyIncreasing(all.map((e) => e.position));
        expect(all.every((e) => e.streamId.startsWith(prefix))).toBe(true);
      });

      it('reads strictly after fromPosition', async () => {
        const { prefix, before, order } = await appendInterleaved();
        const all = await store.readAll({ fromPosition: before, filter: { streamPrefixes: [prefix] }, limit: 2 });
        const after = await store.readAll({ fromPosition: all[1].position, filter: { streamPrefixes: [prefix] } });
        expect(idsOf(after)).toEqual(idsOf(order.slice(2)));
      });

      it('stops at the limit', async () => {
        const { prefix, before, order } = await appendInterleaved();
        const firstTwo = await store.readAll({ fromPosition: before, filter: { streamPrefixes: [prefix] }, limit: 2 });
        expect(idsOf(firstTwo)).toEqual(idsOf(order.slice(0, 2)));
      });

      it('filters by several prefixes and by event types', async () => {
        const before = await store.headPosition();
        const [p1, p2, p3] = [newPrefix(), newPrefix(), newPrefix()];
        const [wanted, unwanted] = [uniqueType('Wanted'), uniqueType('Unwanted')];
        const e1 = event(wanted);
        const e2 = event(unwanted);
        const e3 = event(wanted);
        const e4 = event(wanted);
        await store.append(`${p1}x`, [e1, e2], 'noStream');
        await store.append(`${p2}x`, [e3], 'noStream');
        await store.append(`${p3}x`, [e4], 'noStream');

        const byPrefixes = await store.readAll({ fromPosition: before, filter: { streamPrefixes: [p1, p3] } });
        expect(idsOf(byPrefixes)).toEqual(idsOf([e1, e2, e4]));
        const byType = await store.readAll({ fromPosition: before, filter: { eventTypes: [wanted] } });
        expect(idsOf(byType)).toEqual(idsOf([e1, e3, e4]));
        const byTypes = await store.readAll({ fromPosition: before, filter: { eventTypes: [wanted, unwanted] }, limit: 3 });
        expect(idsOf(byTypes)).toEqual(idsOf([e1, e2, e3]));
      });

      it('has a head at or after the last append', async () => {
        const { last } = await appendInterleaved();
        const head = await store.headPosition();
        expect(head).toBeDefined();
        expect(comparePositions(head!, last)).toBeGreaterThanOrEqual(0);
      });
    });

    describe('subscribeAll', () => {
      /** Pulls items until `done(items)` holds, and returns every item pulled. */
      const pullUntil = async (
        iterator: AsyncIterator<SubscriptionItem>,
        done: (items: SubscriptionItem[]) => boolean,
      ): Promise<SubscriptionItem[]> => {
        const items: SubscriptionItem[] = [];
        while (!done(items)) {
          const next = await iterator.next();
          if (next.done) throw new Error(`Subscription ended after ${items.length} items`);
          items.push(next.value);
        }
        return items;
      };
      const eventIds = (items: SubscriptionItem[]) => items.flatMap((item) => (item.kind === 'event' ? [item.event.id] : []));
      const hasCaughtUp = (items: SubscriptionItem[]) => items.some((item) => item.kind === 'caughtUp');
      const positionsOf = (items: SubscriptionItem[]) =>
        items.flatMap((item) => (item.kind === 'event' ? [item.event.position] : item.kind === 'checkpoint' ? [item.position] : []));

      let open: Subscription[] = [];
      const subscribe = (...args: Parameters<EventStore['subscribeAll']>) => {
        const subscription = store.subscribeAll(...args);
        open.push(subscription);
        return { subscription, iterator: subscription[Symbol.asyncIterator]() };
      };
      afterEach(async () => {
        await Promise.all(open.map((subscription) => subscription.close()));
        open = [];
      });

      it('catches up in order, says caughtUp, then delivers live events', async () => {
        const prefix = newPrefix();
        const before = await store.headPosition();
        const existing = events(3);
        await store.append(`${prefix}a`, existing.slice(0, 2), 'noStream');
        await store.append(`${prefix}b`, existing.slice(2), 'noStream');

        const { iterator } = subscribe({ fromPosition: before, filter: { streamPrefixes: [prefix] } });
        const catchUp = await pullUntil(iterator, hasCaughtUp);
        expect(eventIds(catchUp)).toEqual(idsOf(existing));
        expect(catchUp[catchUp.length - 1].kind).toBe('caughtUp');

        const live = events(2);
        await store.append(`${prefix}a`, [live[0]], 1n);
        await store.append(`${prefix}c`, [live[1]], 'noStream');
        const liveItems = await pullUntil(iterator, (items) => eventIds(items).length >= 2);
        expect(eventIds(liveItems)).toEqual(idsOf(live));
        expectStrictlyIncreasing(positionsOf([...catchUp, ...liveItems]));
      });

      it('misses nothing and repeats nothing when appends race with catch-up', async () => {
        const prefix = newPrefix();
        const before = await store.headPosition();
        const existing = events(1200);
        for (let i = 0; i < existing.length; i += 100) {
          await store.append(`${prefix}${i}`, existing.slice(i, i + 100), 'noStream');
        }

        const { iterator } = subscribe({ fromPosition: before, filter: { streamPrefixes: [prefix] } });
        const first = await pullUntil(iterator, (items) => eventIds(items).length >= 1);
        const racing = events(20);
        const appending = (async () => {
          for (const [i, e] of racing.entries()) await store.append(`${prefix}racing-${i}`, [e], 'noStream');
        })();
        const rest = await pullUntil(iterator, (items) => {
          const ids = eventIds(items);
          return hasCaughtUp(items) && ids[ids.length - 1] === racing[racing.length - 1].id;
        });
        await appending;

        const items = [...first, ...rest];
        expect(eventIds(items)).toEqual(idsOf([...existing, ...racing]));
        expect(items.filter((item) => item.kind === 'caughtUp')).toHaveLength(1);
        expectStrictlyIncreasing(positionsOf(items));
      });

      it('starts strictly after fromPosition', async () => {
        const prefix = newPrefix();
        const appended = events(3);
        await store.append(`${prefix}a`, appended, 'noStream');
        const [, second] = await store.readStream(`${prefix}a`);

        const { iterator } = subscribe({ fromPosition: second.position, filter: { streamPrefixes: [prefix] } });
        const items = await pullUntil(iterator, hasCaughtUp);
        expect(eventIds(items)).toEqual([appended[2].id]);
      });

      it('filters by event type', async () => {
        const prefix = newPrefix();
        const before = await store.headPosition();
        const wanted = uniqueType('Picked');
        const batch = [event(wanted), event(uniqueType('Skipped')), event(wanted)];
        await store.append(`${prefix}a`, batch, 'noStream');

        const { iterator } = subscribe({ fromPosition: before, filter: { eventTypes: [wanted] } });
        const items = await pullUntil(iterator, hasCaughtUp);
        expect(eventIds(items)).toEqual([batch[0].id, batch[2].id]);
      });

      it('reaches caughtUp with nothing matching, its checkpoints never going backwards', async () => {
        const before = await store.headPosition();
        await store.append(`${newPrefix()}a`, events(3), 'noStream');

        const { iterator } = subscribe({ fromPosition: before, filter: { streamPrefixes: [newPrefix()] } });
        const items = await pullUntil(iterator, hasCaughtUp);
        expect(eventIds(items)).toEqual([]);
        const checkpoints = positionsOf(items);
        for (let i = 1; i < checkpoints.length; i++) {
          expect(comparePositions(checkpoints[i - 1], checkpoints[i])).toBeLessThanOrEqual(0);
        }
        if (before) for (const position of checkpoints) expect(comparePositions(position, before)).toBeGreaterThanOrEqual(0);
      });

      it('once caught up, reports a checkpoint at or past a tail the filter leaves out', async () => {
        const fromPosition = await store.headPosition();
        const { iterator } = subscribe({ fromPosition, filter: { streamPrefixes: [newPrefix()] } });
        await pullUntil(iterator, hasCaughtUp);

        const other = `${newPrefix()}a`;
        await store.append(other, events(2), 'noStream');
        const { position: last } = await store.append(other, events(3), 1n);
        const items = await pullUntil(iterator, (seen) => positionsOf(seen).some((p) => comparePositions(p, last) >= 0));
        expect(eventIds(items)).toEqual([]);
        expect(items.every((item) => item.kind === 'checkpoint')).toBe(true);
      });

      it('after a live event, reports a checkpoint past the events the filter leaves out behind it', async () => {
        const prefix = newPrefix();
        const fromPosition = await store.headPosition();
        const { iterator } = subscribe({ fromPosition, filter: { streamPrefixes: [prefix] } });
        await pullUntil(iterator, hasCaughtUp);

        const wanted = event();
        await store.append(`${prefix}a`, [wanted], 'noStream');
        const { position: last } = await store.append(`${newPrefix()}a`, events(3), 'noStream');
        const items = await pullUntil(iterator, (seen) => positionsOf(seen).some((p) => comparePositions(p, last) >= 0));
        expect(eventIds(items)).toEqual([wanted.id]);
        expectStrictlyIncreasing(positionsOf(items));
      });

      it('ends a pending next() with done when closed', async () => {
        const fromPosition = await store.headPosition();
        const { subscription, iterator } = subscribe({ fromPosition, filter: { streamPrefixes: [newPrefix()] } });
        await pullUntil(iterator, hasCaughtUp);
        const pending = iterator.next();
        await subscription.close();
        await expect(pending).resolves.toEqual({ done: true, value: undefined });
      });

      it('ends a for-await loop when closed', async () => {
        const prefix = newPrefix();
        const before = await store.headPosition();
        const appended = event();
        await store.append(`${prefix}a`, [appended], 'noStream');
        const subscription = store.subscribeAll({ fromPosition: before, filter: { streamPrefixes: [prefix] } });
        open.push(subscription);

        const seen: string[] = [];
        for await (const item of subscription) {
          if (item.kind === 'event') seen.push(item.event.id);
          if (item.kind === 'caughtUp') void subscription.close();
        }
        expect(seen).toEqual([appended.id]);
      });
    });
  });
}
