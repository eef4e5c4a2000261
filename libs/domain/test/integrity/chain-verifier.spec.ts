import { sealEvent, verifyChain, type HashedEvent } from '@trilha/domain';

const streamId = 'customer-6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';

function unsealed(revision: number, data: Record<string, unknown>): HashedEvent {
  return {
    streamId,
    eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
    type: revision === 0 ? 'CustomerRegistered' : 'CustomerDataEdited',
    revision: BigInt(revision),
    data,
    metadata: { occurredAt: `2026-03-0${revision + 1}T10:00:00.000Z`, actor: { id: 'u1', role: 'admin' } },
  };
}

/** Seals events as the command pipeline does: each links to the stored hash of the one before (null after an unsealed one). */
function sealAll(events: HashedEvent[]): HashedEvent[] {
  let prev: string | null = null;
  return events.map((event) => {
    const integrity = sealEvent(prev, event);
    prev = integrity.hash;
    return { ...event, metadata: { ...event.metadata, integrity } };
  });
}

const plain = [unsealed(0, { name: 'Ana' }), unsealed(1, { name: 'Ana B' }), unsealed(2, { name: 'Ana C' }), unsealed(3, { name: 'Ana D' })];
const hashOf = (event: HashedEvent) => (event.metadata.integrity as { hash: string }).hash;

describe('verifyChain', () => {
  it('verifies an intact chain and reports the head hash', () => {
    const chain = sealAll(plain);
    expect(verifyChain(chain)).toEqual({ ok: true, events: 4, verified: 4, unchained: 0, headHash: hashOf(chain[3]) });
  });

  it('finds an event whose data was altered in place', () => {
    const chain = sealAll(plain);
    chain[2] = { ...chain[2], data: { name: 'Mallory' } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, verified: 3, firstBad: { revision: 2n, reason: 'altered' } });
  });

  it('finds altered metadata and an altered type', () => {
    const actor = sealAll(plain);
    actor[1] = { ...actor[1], metadata: { ...actor[1].metadata, actor: { id: 'someone-else', role: 'admin' } } };
    expect(verifyChain(actor).firstBad).toEqual({ revision: 1n, reason: 'altered' });
    const type = sealAll(plain);
    type[3] = { ...type[3], type: 'CustomerDeleted' };
    expect(verifyChain(type).firstBad).toEqual({ revision: 3n, reason: 'altered' });
  });

  it('finds two events whose contents were swapped', () => {
    const chain = sealAll(plain);
    const swapped = [chain[0], { ...chain[2], revision: 1n }, { ...chain[1], revision: 2n }, chain[3]];
    expect(verifyChain(swapped).firstBad).toEqual({ revision: 1n, reason: 'altered' });
  });

  it('finds a deleted event at the revision after it', () => {
    const chain = sealAll(plain);
    expect(verifyChain([chain[0], chain[2], chain[3]])).toMatchObject({ ok: false, firstBad: { revision: 2n, reason: 'revision-gap' } });
  });

  it('finds an event replaced by one re-sealed in place: the next link breaks', () => {
    const chain = sealAll(plain);
    const forged = { ...plain[1], data: { name: 'Mallory' } };
    chain[1] = { ...forged, metadata: { ...forged.metadata, integrity: sealEvent(hashOf(chain[0]), forged) } };
    expect(verifyChain(chain).firstBad).toEqual({ revision: 2n, reason: 'broken-link' });
  });

  it('cannot tell a tail rewritten and re-sealed end to end, except by its head hash', () => {
    const original = sealAll(plain);
    const rewritten = sealAll([...plain.slice(0, 2), { ...plain[2], data: { name: 'Mallory' } }, plain[3]]);
    expect(verifyChain(rewritten).ok).toBe(true);
    expect(verifyChain(rewritten).headHash).not.toBe(verifyChain(original).headHash);
  });

  it('reports events from before the chain as unchained, and still verifies the chain after them', () => {
    // The first sealed event starts a chain (prev null), as the pipeline does after an unsealed event.
    const resealed = [plain[0], plain[1], ...sealAll([plain[2], plain[3]])];
    expect(verifyChain(resealed)).toEqual({
      ok: false,
      events: 4,
      verified: 2,
      unchained: 2,
      firstBad: { revision: 0n, reason: 'unchained' },
      headHash: hashOf(resealed[3]),
    });
  });

  it('finds an event whose integrity was stripped or broken', () => {
    const stripped = sealAll(plain);
    stripped[2] = { ...stripped[2], metadata: plain[2].metadata };
    expect(verifyChain(stripped)).toMatchObject({ ok: false, unchained: 1, firstBad: { revision: 2n, reason: 'unchained' } });

    const broken = sealAll(plain);
    broken[1] = { ...broken[1], metadata: { ...broken[1].metadata, integrity: { alg: 'md5', prev: null, hash: 'x' } } };
    expect(verifyChain(broken).firstBad).toEqual({ revision: 1n, reason: 'malformed' });
  });

  it('verifies an empty stream as ok, with no head', () => {
    expect(verifyChain([])).toEqual({ ok: true, events: 0, verified: 0, unchained: 0, headHash: null });
  });
});
