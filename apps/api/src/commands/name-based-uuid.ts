import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/**
 * RFC 9562 UUIDv5 (SHA-1, name-based) of `name` in `namespace`, the same as uuid's `v5`, hashed
 * straight from the string: every command derives several of these, and uuid's v5 copies the
 * name and namespace through byte arrays on each call. A name with surrogates goes to uuid's v5,
 * which refuses a lone one where Buffer would write a replacement character.
 */
export function nameBasedUuid(name: string, namespace: NamespaceBytes): string {
  if (SURROGATE.test(name)) return uuidv5(name, namespace.text);
  const hash = createHash('sha1').update(namespace.bytes).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A namespace UUID, parsed once. */
export interface NamespaceBytes {
  text: string;
  bytes: Buffer;
}

export function namespaceBytes(namespace: string): NamespaceBytes {
  return { text: namespace, bytes: Buffer.from(namespace.replace(/-/g, ''), 'hex') };
}
