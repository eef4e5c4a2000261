import { UnsupportedQueryError } from '../../src/errors';
import { assertJsonValue } from '../../src/query/json-value';
import { assertSupportedDocument } from '../../src/query/validate-update';

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnsupportedQueryError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('validation messages name the offending part', () => {
  it('a non-JSON value deep in arrays and objects', () => {
    expect(messageOf(() => assertJsonValue({ a: [1, { b: NaN }] }, 'doc'))).toBe('doc.a[1].b: NaN is not a finite number');
    expect(messageOf(() => assertJsonValue({ a: [new Date(0)] }, 'doc'))).toBe('doc.a[0]: an instance of Date is not a JSON value');
    expect(messageOf(() => assertJsonValue({ a: { b: undefined } }, 'f', false))).toBe('f.a.b: undefined is not a JSON value');
    expect(messageOf(() => assertJsonValue([1n], 'v'))).toBe('v[0]: a bigint is not a JSON value');
  });

  it('an unstorable key names the object that holds it', () => {
    expect(messageOf(() => assertSupportedDocument({ _id: 'x', a: [{ ok: 1 }, { $b: 1 }] }, 'replacement'))).toBe("replacement.a[1]: field names may not start with $ ('$b')");
    expect(messageOf(() => assertSupportedDocument({ _id: 'x', a: { constructor: 1 } }, 'doc'))).toBe("doc.a: 'constructor' is a reserved field name");
  });

  it('a non-JSON value is reported before an unstorable key', () => {
    expect(messageOf(() => assertSupportedDocument({ _id: 'x', $a: 1, b: Infinity }, 'doc'))).toBe('doc.b: Infinity is not a finite number');
  });

  it('accepts JSON documents with storable keys', () => {
    expect(() => assertSupportedDocument({ _id: 'x', a: [1, 'two', null, { b: true, c: undefined }] }, 'doc')).not.toThrow();
  });
});
