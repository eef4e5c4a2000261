import { KeyDestroyedError, type KeyStore } from '../key-store.port';
import { newDataKey } from '../new-data-key';

/** For tests and tools: keys in a Map; `null` is a tombstone. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer | null>();

  async keyFor(subjectId: string): Promise<Buffer> {
    const stored = this.keys.get(subjectId);
    if (stored === null) throw new KeyDestroyedError(subjectId);
    if (stored) return Buffer.from(stored);
    const key = newDataKey();
    this.keys.set(subjectId, key);
    return Buffer.from(key);
  }

  async existingKey(subjectId: string): Promise<Buffer | undefined> {
    const stored = this.keys.get(subjectId);
    return stored ? Buffer.from(stored) : undefined;
  }

  async destroy(subjectId: string): Promise<void> {
    this.keys.get(subjectId)?.fill(0);
    this.keys.set(subjectId, null);
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return this.keys.get(subjectId) === null;
  }

  async close(): Promise<void> {}
}
