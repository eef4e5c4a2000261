import { customerDeleted, decryptPayloadWith, encryptedSubjectsOf, encryptPayload, followUpDeleted } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { KeyDestroyedError, type KeyStore } from '@trilha/key-store';

/** A subject this process knows to be erased: decrypting yields placeholders. */
const GONE = Symbol('erased');

export interface VaultOptions {
  /** How long a key stays in this process's memory after it was read. Default 60 s. */
  keyTtlMs?: number;
  now?: () => number;
}

/**
 * Encrypts the personal fields of events before they are appended and decrypts them when they
 * are read (ADR 0017), with the customer's data key from the KeyStore.
 *
 * Keys are cached for `keyTtlMs`, never longer. A key leaves the cache at once when this process
 * destroys it (`destroy`, the api's DELETE) or learns of the deletion (`forget`, on reading a
 * CustomerDeleted); a forgotten customer is then never looked up again by this process, so a key
 * read just before another process destroyed it cannot come back into the cache.
 */
export class PersonalDataVault {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();
  private readonly forgotten = new Set<string>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly keys: KeyStore, options: VaultOptions = {}) {
    this.ttlMs = options.keyTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The payload to store: personal fields encrypted. A deleted customer's (or follow-up's) key is gone: 409. */
  async encrypt(type: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    // The subject is the customer when the payload names one, else the follow-up (personalDataSubject).
    const erased = (subject: string) => (data.customerId === undefined && data.followUpId === subject ? followUpDeleted(subject) : customerDeleted(subject));
    return encryptPayload(type, data, async (subject) => {
      const cached = this.cached(subject);
      if (cached) return cached;
      if (this.forgotten.has(subject)) throw erased(subject);
      try {
        return this.remember(subject, await this.keys.keyFor(subject));
      } catch (error) {
        if (error instanceof KeyDestroyedError) throw erased(subject);
        throw error;
      }
    });
  }

  /** The event with its personal fields in clear, or placeholders once the key is destroyed. */
  async decrypt(event: RecordedEvent): Promise<RecordedEvent> {
    const atHand = this.decryptWithKeysAtHand(event);
    if (atHand) return atHand;
    const keys = new Map<string, Buffer | undefined>();
    for (const subject of encryptedSubjectsOf(event.data)) keys.set(subject, await this.existingKey(subject));
    return { ...event, data: decryptPayloadWith(event.data, keys) };
  }

  /**
   * `decrypt` without waiting, when every key it needs is in memory or known to be gone;
   * undefined when one must be read from the key store. Lets a long read decrypt its events
   * without a promise each.
   */
  decryptWithKeysAtHand(event: RecordedEvent): RecordedEvent | undefined {
    const subjects = encryptedSubjectsOf(event.data);
    if (subjects.size === 0) return event;
    const keys = new Map<string, Buffer | undefined>();
    for (const subject of subjects) {
      const key = this.keyAtHand(subject);
      if (key === undefined) return undefined;
      keys.set(subject, key === GONE ? undefined : key);
    }
    return { ...event, data: decryptPayloadWith(event.data, keys) };
  }

  /** Drops the key from this process for good (the customer was deleted). */
  forget(subject: string): void {
    this.cache.get(subject)?.key.fill(0);
    this.cache.delete(subject);
    this.forgotten.add(subject);
  }

  /** Erasure: forget the key here, then destroy it in the key store. Idempotent. */
  async destroy(subject: string): Promise<void> {
    this.forget(subject);
    await this.keys.destroy(subject);
  }

  private async existingKey(subject: string): Promise<Buffer | undefined> {
    if (this.forgotten.has(subject)) return undefined;
    const cached = this.cached(subject);
    if (cached) return cached;
    const key = await this.keys.existingKey(subject);
    return key && !this.forgotten.has(subject) ? this.remember(subject, key) : undefined;
  }

  /** The cached key, GONE for a forgotten subject, undefined when the key store must be asked. */
  private keyAtHand(subject: string): Buffer | typeof GONE | undefined {
    return this.forgotten.has(subject) ? GONE : this.cached(subject);
  }

  private cached(subject: string): Buffer | undefined {
    const entry = this.cache.get(subject);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.key;
    entry.key.fill(0);
    this.cache.delete(subject);
    return undefined;
  }

  private remember(subject: string, key: Buffer): Buffer {
    this.cache.set(subject, { key, until: this.now() + this.ttlMs });
    return key;
  }
}
