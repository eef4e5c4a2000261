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
