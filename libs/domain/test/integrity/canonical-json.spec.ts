import { canonicalJson } from '@trilha/domain';

describe('canonicalJson', () => {
  it('sorts the keys of every object, at every depth, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }, 3], c: { z: null, y: true } })).toBe('{"a":[{"c":"x","d":2},3],"b":1,"c":{"y":true,"z":null}}');
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    const one = { name: 'Ana', phones: ['1', '2'], origin: { site: 's', ip: '203.0.113.7' } };
    const other = { origin: { ip: '203.0.113.7', site: 's' }, phones: ['1', '2'], name: 'Ana' };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('is the text of the value as a JSON store gives it back', () => {
    const decided = { to: undefined, from: 'a', at: new Date('2026-03-01T10:00:00Z'), list: [undefined, 1.0, -0] };
    const stored = JSON.parse(JSON.stringify(decided)) as unknown;
    expect(canonicalJson(decided)).toBe(canonicalJson(stored));
    expect(canonicalJson(decided)).toBe('{"at":"2026-03-01T10:00:00.000Z","from":"a","list":[null,1,0]}');
  });

  it('writes strings and numbers as JSON does, non-ASCII text included', () => {
    expect(canonicalJson({ s: 'João "J" \n ☃', n: 1e21, f: 0.1 })).toBe('{"f":0.1,"n":1e+21,"s":"João \\"J\\" \\n ☃"}');
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"é":3}');
  });

  it('refuses what is not JSON', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('canonicalJson of values that are not plain data', () => {
  const cases: Array<[string, unknown]> = [
    ['undefined members and array entries', { a: undefined, b: [undefined, 1, () => 1], c: () => 1, d: Symbol('s') }],
    ['non-finite numbers and negative zero', { n: NaN, i: -Infinity, z: -0, list: [Infinity] }],
    ['dates and toJSON at any depth', { at: new Date('2026-03-01T10:00:00Z'), deep: [{ t: { toJSON: () => ({ y: 1, x: 2 }) } }] }],
    ['class instances and boxed values', { m: new Map([[1, 2]]), s: Object('text') as unknown, n: Object(3) as unknown, u: new Uint8Array([1, 2]) }],
    ['objects without a prototype', Object.assign(Object.create(null) as object, { b: 1, a: { d: 1, c: 2 } })],
    ['a member named toJSON that is not a function', { toJSON: 'kept', a: 1 }],
    ['sparse arrays', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['top-level scalars', 'text'],
  ];

  it.each(cases)('gives the same text as the value read back from a JSON store: %s', (_name, value) => {
    const stored = JSON.parse(JSON.stringify(value)) as unknown;
    expect(canonicalJson(value)).toBe(canonicalJson(stored));
  });

  it('writes a date as JSON.stringify does', () => {
    expect(canonicalJson({ b: new Date('2026-03-01T10:00:00Z'), a: NaN })).toBe('{"a":null,"b":"2026-03-01T10:00:00.000Z"}');
  });

  it('refuses a cycle and a bigint deep inside', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [{ b: 1n }] })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
