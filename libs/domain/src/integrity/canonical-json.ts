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
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
