import { applyUpdateInPlace, upsertSeed } from '../../src/query';

describe('applyUpdateInPlace', () => {
  it('refuses what MongoDB refuses: $inc on a non-number, $push on a non-array, a path through a scalar', () => {
    expect(() => applyUpdateInPlace({ _id: 'a', n: 'one' }, { $inc: { n: 1 } }, false)).toThrow(/\$inc/);
    expect(() => applyUpdateInPlace({ _id: 'a', tags: 'x' }, { $push: { tags: 'y' } }, false)).toThrow(/\$push/);
    expect(() => applyUpdateInPlace({ _id: 'a', tags: 'x' }, { $pull: { tags: 'y' } }, false)).toThrow(/\$pull/);
    expect(() => applyUpdateInPlace({ _id: 'a', profile: 'x' }, { $set: { 'profile.name': 'y' } }, false)).toThrow(/profile/);
  });

  it('skips undefined operands, as the MongoDB adapter does with ignoreUndefined', () => {
    const doc = { _id: 'a', keep: 1 };
    applyUpdateInPlace(doc, { $set: { keep: undefined, other: 2 } }, false);
    expect(doc).toEqual({ _id: 'a', keep: 1, other: 2 });
  });

  it('adds new fields in lexicographic order within an operator, as MongoDB 5+ does', () => {
    const doc: Record<string, unknown> = { _id: 'a' };
    applyUpdateInPlace(doc, { $set: { b: 1, a: 2 } }, false);
    expect(Object.keys(doc)).toEqual(['_id', 'a', 'b']);
  });
});

describe('upsertSeed', () => {
  it('takes equalities from the top level and from $and, expanding dotted paths', () => {
    expect(
      upsertSeed({
        _id: 'x',
        'meta.source': 'web',
        stage: { $eq: 'new' },
        score: { $gt: 1 },
        $and: [{ kind: 'lead' }, { tags: { $in: ['a'] } }],
        $or: [{ a: 1 }, { b: 2 }],
      }),
    ).toEqual({ _id: 'x', meta: { source: 'web' }, stage: 'new', kind: 'lead' });
  });
});
