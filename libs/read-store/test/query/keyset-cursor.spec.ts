import { UnsupportedQueryError } from '@trilha/read-store';
import { decodeCursor, effectiveSort, encodeCursor } from '../../src/query';

describe('keyset cursors', () => {
  const entries = effectiveSort({ day: -1, name: 1 });

  it('end the sort with _id ascending unless _id is already part of it', () => {
    expect(entries).toEqual([
      ['day', -1],
      ['name', 1],
      ['_id', 1],
    ]);
    expect(effectiveSort({ _id: -1, ignored: 1 })).toEqual([['_id', -1]]);
    expect(effectiveSort(undefined)).toEqual([['_id', 1]]);
  });

  it('carry the sort values of a document, missing ones as null', () => {
    const cursor = encodeCursor(entries, { _id: 'x', name: 'Ana', profile: { a: 1 } });
    expect(decodeCursor(entries, cursor)).toEqual([null, 'Ana', 'x']);
  });

  it('cannot be made from an array or object sort value', () => {
    expect(() => encodeCursor(entries, { _id: 'x', day: ['2024-01-01'] })).toThrow(UnsupportedQueryError);
    expect(() => encodeCursor(effectiveSort({ profile: 1 }), { _id: 'x', profile: { a: 1 } })).toThrow(UnsupportedQueryError);
  });

  it('refuse values that a cursor made by encodeCursor cannot hold', () => {
    const forged = Buffer.from(JSON.stringify({ s: entries, v: [{ $gt: 1 }, 'a', 'b'] })).toString('base64url');
    expect(() => decodeCursor(entries, forged)).toThrow(UnsupportedQueryError);
    const short = Buffer.from(JSON.stringify({ s: entries, v: ['a'] })).toString('base64url');
    expect(() => decodeCursor(entries, short)).toThrow(UnsupportedQueryError);
  });
});
