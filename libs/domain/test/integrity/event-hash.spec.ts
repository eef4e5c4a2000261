import { createHash } from 'node:crypto';
import { eventHash, sealEvent, type HashedEvent } from '@trilha/domain';

const event: HashedEvent = {
  streamId: 'customer-6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01',
  eventId: '0b9f4f4e-9a3c-5a5d-8f63-1c2d3e4f5a6b',
  type: 'TemperatureChanged',
  revision: 2n,
  data: { customerId: '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01', to: 'hot', from: 'warm' },
  metadata: { occurredAt: '2026-03-01T10:00:00.000Z', actor: { id: 'u1', role: 'broker' }, schemaVersion: 1 },
};
const PREV = 'a'.repeat(64);

describe('eventHash', () => {
  it('is sha256 of the previous hash followed by the canonical JSON of the event (the documented format)', () => {
    const canonical =
      '{"data":{"customerId":"6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01","from":"warm","to":"hot"},' +
      '"eventId":"0b9f4f4e-9a3c-5a5d-8f63-1c2d3e4f5a6b",' +
      '"metadata":{"actor":{"id":"u1","role":"broker"},"occurredAt":"2026-03-01T10:00:00.000Z","schemaVersion":1},' +
      '"revision":"2","streamId":"customer-6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01","type":"TemperatureChanged"}';
    expect(eventHash(PREV, event)).toBe(createHash('sha256').update(PREV + canonical).digest('hex'));
    expect(eventHash(null, event)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('is stable: the same event with its keys in another order, or read back from a store, hashes the same', () => {
    const reordered: HashedEvent = {
      metadata: { schemaVersion: 1, actor: { role: 'broker', id: 'u1' }, occurredAt: '2026-03-01T10:00:00.000Z' },
      data: { from: 'warm', to: 'hot', customerId: '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01' },
      revision: 2n,
      type: 'TemperatureChanged',
      eventId: event.eventId,
      streamId: event.streamId,
    };
    const stored = { ...event, data: JSON.parse(JSON.stringify(event.data)), metadata: JSON.parse(JSON.stringify(event.metadata)) };
    expect(eventHash(PREV, reordered)).toBe(eventHash(PREV, event));
    expect(eventHash(PREV, stored)).toBe(eventHash(PREV, event));
  });

  it('leaves the integrity in the metadata out of the hash', () => {
    const sealed = { ...event, metadata: { ...event.metadata, integrity: sealEvent(PREV, event) } };
    expect(eventHash(PREV, sealed)).toBe(eventHash(PREV, event));
  });

  it.each<[string, HashedEvent]>([
    ['the stream', { ...event, streamId: 'customer-other' }],
    ['the event id', { ...event, eventId: '1b9f4f4e-9a3c-5a5d-8f63-1c2d3e4f5a6b' }],
    ['the type', { ...event, type: 'TemperatureReverted' }],
    ['the revision', { ...event, revision: 3n }],
    ['a data value', { ...event, data: { ...event.data, to: 'cold' } }],
    ['a metadata value', { ...event, metadata: { ...event.metadata, actor: { id: 'u2', role: 'broker' } } }],
    ['an added data field', { ...event, data: { ...event.data, extra: null } }],
  ])('changes when %s changes', (_what, changed) => {
    expect(eventHash(PREV, changed)).not.toBe(eventHash(PREV, event));
  });

  it('changes with the previous hash, which chains each event to the one before', () => {
    expect(eventHash('b'.repeat(64), event)).not.toBe(eventHash(PREV, event));
    expect(eventHash(null, event)).not.toBe(eventHash(PREV, event));
  });

  it('seals an event as {alg, prev, hash}', () => {
    expect(sealEvent(null, event)).toEqual({ alg: 'sha256', prev: null, hash: eventHash(null, event) });
    expect(sealEvent(PREV, event).hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
