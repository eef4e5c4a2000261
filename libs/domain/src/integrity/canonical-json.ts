/**
 * Canonical JSON: the value as a JSON store keeps it (`undefined` members dropped, `toJSON`
 * applied, as JSON.stringify does) with every object's keys sorted by UTF-16 code units, no
 * whitespace, and numbers and strings written by JSON.stringify (the rules of RFC 8785). Two
 * values that read back equal from any store give the same text, whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('canonicalJson needs a JSON value, not undefined, a function or a symbol');
  return write(JSON.parse(text) as unknown);
}

function write(value: unknown): string {
  // Plain loops and concatenation: this runs for every event appended (the integrity seal).
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + write(value[i]);
    return text + ']';
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let text = '{';
    for (let i = 0; i < keys.length; i++) text += (i === 0 ? '' : ',') + JSON.stringify(keys[i]) + ':' + write(record[keys[i]]);
    return text + '}';
  }
  return JSON.stringify(value);
}
