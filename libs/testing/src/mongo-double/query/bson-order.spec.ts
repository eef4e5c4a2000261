import { Binary, MaxKey, MinKey, ObjectId } from 'bson';
import { compareValues } from './bson-order';

describe("MongoDB's BSON comparison order", () => {
  it('orders the types: MinKey, null, numbers, strings, objects, arrays, binary, ObjectId, booleans, dates, MaxKey', () => {
    const ordered = [new MinKey(), null, -1, 2.5, 'a', { a: 1 }, [1], new Binary(Buffer.from('x')), new ObjectId(), false, true, new Date(0), new MaxKey()];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareValues)).toEqual(ordered);
  });

  it('compares numbers by value, NaN first', () => {
    expect(compareValues(Number.NaN, -Infinity)).toBe(-1);
    expect(compareValues(Number.NaN, Number.NaN)).toBe(0);
    expect(compareValues(1, 1.0)).toBe(0);
  });

  it('compares strings by UTF-8 bytes', () => {
    expect(compareValues('😀', '\uffff')).toBe(1);
    expect(compareValues('Z', 'a')).toBe(-1);
  });

  it('compares embedded documents field by field, in order, then by length', () => {
    expect(compareValues({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(-1);
    expect(compareValues({ a: 1 }, { a: 1, b: 0 })).toBe(-1);
    expect(compareValues({ a: 'x' }, { a: 5 })).toBe(1); // by the values' types first
  });

  it('compares nested arrays element by element, and binary data by length first', () => {
    expect(compareValues([1, 2], [1, 3])).toBe(-1);
    expect(compareValues([1, 2], [1])).toBe(1);
    expect(compareValues(new Binary(Buffer.from('zz')), new Binary(Buffer.from('aaa')))).toBe(-1);
  });
});
