import type { RecordedEvent } from '@trilha/event-store';
import { instantOf } from '../timeline.projection';

function eventAt(occurredAt: string | undefined, created = '2026-05-01T12:00:00.000Z'): RecordedEvent {
  return {
    id: 'e',
    streamId: 'customer-1',
    type: 'CommentAdded',
    revision: 0n,
    position: { commit: 1n, prepare: 1n },
    data: {},
    metadata: occurredAt === undefined ? {} : { occurredAt },
    created,
  };
}

describe('timeline instants', () => {
  it.each([
    ['2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z'],
    ['2026-02-30T10:00:00.000Z', '2026-03-02T10:00:00.000Z'],
    ['2026-01-31T23:59:59.999Z', '2026-01-31T23:59:59.999Z'],
    ['2026-01-05T10:00:00Z', '2026-01-05T10:00:00.000Z'],
    ['2026-01-05T10:00:00.000-03:00', '2026-01-05T13:00:00.000Z'],
    ['not a date', '2026-05-01T12:00:00.000Z'],
  ])('writes %s as %s', (occurredAt, expected) => {
    expect(instantOf(eventAt(occurredAt))).toBe(expected);
  });

  it('falls back to the store time when the event has none', () => {
    expect(instantOf(eventAt(undefined, '2026-05-01T09:30:00+02:00'))).toBe('2026-05-01T07:30:00.000Z');
  });

  it('agrees with parsing and writing again, for instants all over the calendar', () => {
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 5_000; i++) {
      const text = new Date(start + i * 7_919_377).toISOString();
      expect(instantOf(eventAt(text))).toBe(new Date(Date.parse(text)).toISOString());
    }
  });
});
