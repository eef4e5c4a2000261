/** The hash algorithm of the integrity chain; the only one written and accepted. */
export const INTEGRITY_ALG = 'sha256';

/** Where an event's link in its stream's chain is kept: `metadata.integrity`. */
export const INTEGRITY_KEY = 'integrity';

/**
 * An event's link in its stream's integrity chain: `hash` covers the event and `prev`, the hash
 * of the event before it in the stream (null for the first event of a chain).
 */
export interface Integrity {
  alg: typeof INTEGRITY_ALG;
  prev: string | null;
  hash: string;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The integrity stored in an event's metadata: undefined when there is none (an event appended
 * before the chain existed, or outside the command pipeline), 'malformed' when it is not one.
 */
export function integrityOf(metadata: Record<string, unknown>): Integrity | 'malformed' | undefined {
  const value = metadata[INTEGRITY_KEY];
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return 'malformed';
  const { alg, prev, hash } = value as Record<string, unknown>;
  if (alg !== INTEGRITY_ALG || typeof hash !== 'string' || !HEX_SHA256.test(hash)) return 'malformed';
  if (prev !== null && (typeof prev !== 'string' || !HEX_SHA256.test(prev))) return 'malformed';
  return { alg, prev, hash };
}

/** The metadata that the hash covers: all of it but the integrity itself. */
export function metadataWithoutIntegrity(metadata: Record<string, unknown>): Record<string, unknown> {
  const { [INTEGRITY_KEY]: _integrity, ...rest } = metadata;
  return rest;
}
