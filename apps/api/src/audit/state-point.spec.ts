import type { RecordedEvent } from '@trilha/event-store';
import { ProblemException } from '../platform';
import { prefixUpTo, statePointOf } from './state-point';

function event(revision: number, occurredAt: string | undefined, created = '2026-03-01T00:00:00.000Z'): RecordedEvent {
  return {
    id: `e${revision}`,
    streamId: 'customer-1',
    type: 'Something',
    revision: BigInt(revision),
    position: { commit: BigInt(revision + 10), prepare: BigInt(revision + 10) },
    data: {},
    metadata: occurredAt ? { occurredAt } : {},
    created,
  };
}

describe('statePointOf', () => {
  it('takes exactly one of asOf and revision, normalizing the instant to UTC', () => {
    expect(statePointOf({ asOf: '2026-03-01T07:30:00-03:00' })).toEqual({ asOf: '2026-03-01T10:30:00.000Z' });
    expect(statePointOf({ revision: '12' })).toEqual({ revision: 12n });
    for (const query of [{}, { asOf: '2026-03-01T10:30:00Z', revision: '1' }]) {
      expect(() => statePointOf(query)).toThrow(ProblemException);
    }
  });
});

describe('prefixUpTo', () => {
  const stream = [event(0, '2026-03-01T10:00:00.000Z'), event(1, '2026-03-01T10:05:00.000Z'), event(2, '2026-03-01T10:10:00.000Z')];

  it('keeps the events that occurred at or before the instant', () => {
    expect(prefixUpTo(stream, { asOf: '2026-03-01T10:05:00.000Z' })?.events.map((e) => e.revision)).toEqual([0n, 1n]);
    expect(prefixUpTo(stream, { asOf: '2026-03-01T09:00:00.000Z' })?.events).toEqual([]);
    expect(prefixUpTo(stream, { asOf: '2027-01-01T00:00:00.000Z' })?.events).toHaveLength(3);
  });

  it('stops at the first event after the instant, even if a later one claims an earlier time: the state is one the stream really had', () => {
    const skewed = [...stream, event(3, '2026-03-01T10:01:00.000Z')];
    expect(prefixUpTo(skewed, { asOf: '2026-03-01T10:02:00.000Z' })?.events.map((e) => e.revision)).toEqual([0n]);
  });

  it('uses when the store recorded an event that carries no occurredAt', () => {
    const bare = [event(0, undefined, '2026-03-01T08:00:00.000Z'), event(1, undefined, '2026-03-01T09:00:00.000Z')];
    expect(prefixUpTo(bare, { asOf: '2026-03-01T08:30:00.000Z' })?.events.map((e) => e.revision)).toEqual([0n]);
  });

  it('keeps the events up to a revision and answers when that one occurred; none past the last revision', () => {
    expect(prefixUpTo(stream, { revision: 1n })).toEqual({ events: stream.slice(0, 2), asOf: '2026-03-01T10:05:00.000Z' });
    expect(prefixUpTo(stream, { revision: 3n })).toBeUndefined();
  });
});
