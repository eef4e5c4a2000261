import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { erasedValue, type EncryptedKind } from './placeholder';

/**
 * One encrypted value in a stored payload: `{"$enc": "v1:<kind>:<subject>:<base64(iv|tag|ciphertext)>"}`.
 * AES-256-GCM of the value's JSON, with `v1:<kind>:<subject>` as additional data, so a
 * ciphertext copied under another customer or kind does not decrypt. `$` keys never come from
 * input (they are refused), so the shape cannot be forged through the API; read models only
 * ever see decrypted values or placeholders.
 */
export interface EncryptedValue {
  $enc: string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KINDS: ReadonlySet<string> = new Set<EncryptedKind>(['s', 'a', 'o', 'j']);

export function isEncryptedValue(value: unknown): value is EncryptedValue {
  return encryptedText(value) !== undefined;
}

/** The `$enc` text of an encrypted value (an object with that one key), else undefined; allocates nothing. */
export function encryptedText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const enc = (value as { $enc?: unknown }).$enc;
  if (typeof enc !== 'string') return undefined;
  let keys = 0;
  for (const key in value) if (key !== '$enc' || ++keys > 1) return undefined;
  return keys === 1 ? enc : undefined;
}

function kindOf(value: unknown): EncryptedKind {
  if (typeof value === 'string') return 's';
  if (Array.isArray(value)) return 'a';
  if (typeof value === 'object' && value !== null) return 'o';
  return 'j';
}

export function encryptValue(key: Buffer, subject: string, value: unknown): EncryptedValue {
  const header = `${VERSION}:${kindOf(value)}:${subject}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(header, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { $enc: `${header}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}` };
}

export interface ParsedEnvelope {
  kind: EncryptedKind;
  subject: string;
  header: string;
  sealed: Buffer;
}

/**
 * The subject of an `$enc` text, read from its header alone: finding which keys a payload needs
 * does not decode its ciphertexts. Malformed text throws as `parseEncryptedValue` does.
 */
export function encryptedSubject(enc: string): string {
  // `v1:<kind>:` is five characters; the subject runs to the next colon.
  const end = enc.indexOf(':', 5);
  if (!enc.startsWith(`${VERSION}:`) || !KINDS.has(enc[3]) || enc[4] !== ':' || end <= 5) {
    throw new Error('Not an encrypted value of a known version');
  }
  return enc.slice(5, end);
}

export function parseEncryptedValue(value: EncryptedValue): ParsedEnvelope {
  const match = /^(v1):([saoj]):([^:]+):([A-Za-z0-9+/=]+)$/.exec(value.$enc);
  if (!match) throw new Error('Not an encrypted value of a known version');
  return { kind: match[2] as EncryptedKind, subject: match[3], header: `${match[1]}:${match[2]}:${match[3]}`, sealed: Buffer.from(match[4], 'base64') };
}

/** The value, or its placeholder when the key is gone (erased). A wrong key or altered bytes throw. */
export function decryptValue(key: Buffer | undefined, envelope: ParsedEnvelope): unknown {
  if (!key) return erasedValue(envelope.kind);
  const iv = envelope.sealed.subarray(0, IV_BYTES);
  const tag = envelope.sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(envelope.header, 'utf8'));
  decipher.setAuthTag(tag);
  const plaintext = Buffer.concat([decipher.update(envelope.sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8'));
}
