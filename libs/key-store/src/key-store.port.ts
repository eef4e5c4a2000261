/**
 * The KeyStore port: one random 256-bit data key per subject (a customer), kept apart from the
 * event log. Destroying a key is the erasure of everything encrypted with it (crypto-shredding);
 * a destroyed key leaves a tombstone, so the same subject never gets a new key.
 */
export interface KeyStore {
  /** The subject's key, created on first use. Throws KeyDestroyedError once it was destroyed. */
  keyFor(subjectId: string): Promise<Buffer>;
  /** The subject's key if it has one; undefined when it never had one or it was destroyed. */
  existingKey(subjectId: string): Promise<Buffer | undefined>;
  /** Forgets the key for good and leaves a tombstone. Idempotent; works for a subject with no key yet. */
  destroy(subjectId: string): Promise<void>;
  isDestroyed(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Bytes of a data key: AES-256. */
export const DATA_KEY_BYTES = 32;

export class KeyDestroyedError extends Error {
  constructor(readonly subjectId: string) {
    super(`The data key of ${subjectId} was destroyed; its personal data is erased`);
    this.name = 'KeyDestroyedError';
  }
}
