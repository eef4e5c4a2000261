import { sealAppend, sealEvent, verifyChain, type HashedEvent } from '@trilha/domain';

const streamId = 'customer-6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const toAppend = [
  { id: '00000000-0000-4000-8000-000000000003', type: 'ProposalRegistered', data: { amountCents: 100 }, metadata: { occurredAt: '2026-03-01T10:00:00.000Z' } },
  { id: '00000000-0000-4000-8000-000000000004', type: 'LeadStatusChanged', data: { to: 'in_progress' }, metadata: { occurredAt: '2026-03-01T10:00:00.000Z' } },
];
const stored = (e: (typeof toAppend)[number] & { metadata: Record<string, unknown> }, revision: bigint): HashedEvent => ({ streamId, eventId: e.id, type: e.type, revision, data: e.data, metadata: e.metadata });

describe('sealAppend', () => {
  it('starts a chain on an empty stream and links each event to the one before', () => {
    const sealed = sealAppend(streamId, undefined, toAppend);
    expect(sealed.map((e) => e.metadata.integrity)).toEqual([
      sealEvent(null, stored(toAppend[0], 0n)),
      sealEvent(sealed[0].metadata.integrity.hash, stored(toAppend[1], 1n)),
    ]);
    expect(verifyChain(sealed.map((e, i) => stored(e, BigInt(i)))).ok).toBe(true);
  });

  it('continues the chain of the last event read, at the revisions the append will get', () => {
    const head = { alg: 'sha256', prev: null, hash: 'c'.repeat(64) };
    const sealed = sealAppend(streamId, { revision: 2n, metadata: { integrity: head } }, toAppend);
    expect(sealed[0].metadata.integrity).toEqual(sealEvent(head.hash, stored(toAppend[0], 3n)));
    expect(sealed[1].metadata.integrity).toEqual(sealEvent(sealed[0].metadata.integrity.hash, stored(toAppend[1], 4n)));
  });

  it('starts a new chain after a last event that carries no integrity', () => {
    const sealed = sealAppend(streamId, { revision: 0n, metadata: { occurredAt: '2026-01-01T00:00:00.000Z' } }, toAppend);
    expect(sealed[0].metadata.integrity.prev).toBeNull();
  });

  it('keeps ids, types, data and the rest of the metadata as they were', () => {
    const [first] = sealAppend(streamId, undefined, toAppend);
    const { integrity: _integrity, ...metadata } = first.metadata;
    expect({ ...first, metadata }).toEqual(toAppend[0]);
  });
});
