import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
/**
 * MongoDB's comparison order across BSON types: MinKey < null < numbers < strings < objects <
 * arrays < binary data < ObjectId < booleans < dates < timestamps < regular expressions < MaxKey.
 */
export function typeRank(value: unknown): number {
  if (value instanceof MinKey) return 1;
  if (value === null || value === undefined) return 2;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Long || value instanceof Decimal128) return 3;
  if (typeof value === 'string') return 4;
  if (Array.isArray(value)) return 6;
  if (value instanceof Binary) return 7;
  if (value instanceof ObjectId) return 8;
  if (typeof value === 'boolean') return 9;
  if (value instanceof Date) return 10;
  if (value instanceof Timestamp) return 11;
  if (value instanceof RegExp) return 12;
  if (value instanceof MaxKey) return 13;
  return 5; // embedded documents
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function asNumber(value: unknown): number {
  if (value instanceof Long || value instanceof Decimal128) return Number(value.toString());
  return Number(value);
}

/** Compares two values in MongoDB's order; embedded documents field by field, in field order. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return sign(rank);
  switch (typeRank(a)) {
    case 2:
      return 0;
    case 3:
      return compareNumbers(asNumber(a), asNumber(b));
    case 4:
      return sign(Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)));
    case 5:
      return compareDocuments(a as Record<string, unknown>, b as Record<string, unknown>);
    case 6:
      return compareArrays(a as unknown[], b as unknown[]);
    case 7:
      return compareBinaries(a as Binary, b as Binary);
    case 8:
      return sign(Buffer.compare(Buffer.from((a as ObjectId).id), Buffer.from((b as ObjectId).id)));
    case 9:
      return sign(Number(a) - Number(b));
    case 10:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 12:
      return sign(Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b))));
    default:
      return 0;
  }
}

/** NaN sorts before every other number, and equals itself. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) === Number.isNaN(b) ? 0 : Number.isNaN(a) ? -1 : 1;
  return sign(a - b);
}

/** Binary data: by length, then by subtype, then byte by byte. */
function compareBinaries(a: Binary, b: Binary): number {
  return (
    sign(a.length() - b.length()) ||
    sign(a.sub_type - b.sub_type) ||
    sign(Buffer.compare(Buffer.from(a.buffer.subarray(0, a.length())), Buffer.from(b.buffer.subarray(0, b.length()))))
  );
}

function compareDocuments(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const left = Object.entries(a);
  const right = Object.entries(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const byType = sign(typeRank(left[i][1]) - typeRank(right[i][1]));
    if (byType !== 0) return byType;
    const byName = sign(Buffer.compare(Buffer.from(left[i][0]), Buffer.from(right[i][0])));
    if (byName !== 0) return byName;
    const byValue = compareValues(left[i][1], right[i][1]);
    if (byValue !== 0) return byValue;
  }
  return sign(left.length - right.length);
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const byValue = compareValues(a[i], b[i]);
    if (byValue !== 0) return byValue;
  }
  return sign(a.length - b.length);
}
