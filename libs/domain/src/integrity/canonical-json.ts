/**
 * Canonical JSON: the value as a JSON store keeps it (`undefined` members dropped, `toJSON`
 * applied, as JSON.stringify does) with every object's keys sorted by UTF-16 code units, no
 * whitespace, and numbers and strings written by JSON.stringify (the rules of RFC 8785). Two
 * values that read back equal from any store give the same text, whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  // Plain data (what deciders and stores produce) is written in one pass; anything else (a Date,
  // a class instance, a bigint …) goes through JSON.stringify and back first, which applies its rules.
  try {
    const text = writePlain(value, 0);
    if (text !== undefined) return text;
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('canonicalJson needs a JSON value, not undefined, a function or a symbol');
  return writePlain(JSON.parse(text) as unknown, 0)!;
}

const NOT_PLAIN = Symbol('not plain JSON data');
/** Deeper than this is taken for a cycle: JSON.stringify then says so. */
const MAX_DEPTH = 500;

/** The canonical text of plain JSON data; `undefined` for an `undefined` value (dropped from objects). */
function writePlain(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'object': {
      if (value === null) return 'null';
      if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + (writePlain(value[i], depth + 1) ?? 'null');
        return text + ']';
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let text = '{';
      let first = true;
      for (const key of keys) {
        const member = writePlain(record[key], depth + 1);
        if (member === undefined) continue;
        text += (first ? '' : ',') + JSON.stringify(key) + ':' + member;
        first = false;
      }
      return text + '}';
    }
    default:
      throw NOT_PLAIN;
  }
}
