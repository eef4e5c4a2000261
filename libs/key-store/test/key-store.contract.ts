import { randomUUID } from 'node:crypto';
import { DATA_KEY_BYTES, KeyDestroyedError, type KeyStore } from '../src';

/**
 * What every KeyStore adapter must do. `open` is called again to check that keys and tombstones
 * outlive the store object (it may return a store over the same storage).
 */
export function describeKeyStoreContract(label: string, open: () => Promise<KeyStore>): void {
  describe(`KeyStore contract: ${label}`, () => {
    let store: KeyStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a random 256-bit key on first use and answers the same key afterwards', async () => {
      const subject = randomUUID();
      expect(await store.existingKey(subject)).toBeUndefined();
      const key = await store.keyFor(subject);
      expect(key).toHaveLength(DATA_KEY_BYTES);
      expect((await store.keyFor(subject)).equals(key)).toBe(true);
      expect((await store.existingKey(subject))?.equals(key)).toBe(true);
      expect(await store.isDestroyed(subject)).toBe(false);
    });

    it('gives each subject its own key', async () => {
      const a = await store.keyFor(randomUUID());
      const b = await store.keyFor(randomUUID());
      expect(a.equals(b)).toBe(false);
    });

    it('hands out the same key to callers racing for a new subject', async () => {
      const subject = randomUUID();
      const keys = await Promise.all([store.keyFor(subject), store.keyFor(subject), store.keyFor(subject)]);
      expect(keys[1].equals(keys[0])).toBe(true);
      expect(keys[2].equals(keys[0])).toBe(true);
    });

    it('keeps keys for the next store object', async () => {
      const subject = randomUUID();
      const key = await store.keyFor(subject);
      const again = await open();
      try {
        expect((await again.existingKey(subject))?.equals(key)).toBe(true);
      } finally {
        await again.close();
      }
    });

    it('destroys a key for good: no key, a tombstone, and never a new key for that subject', async () => {
      const subject = randomUUID();
      await store.keyFor(subject);
      await store.destroy(subject);
      expect(await store.existingKey(subject)).toBeUndefined();
      expect(await store.isDestroyed(subject)).toBe(true);
      await expect(store.keyFor(subject)).rejects.toBeInstanceOf(KeyDestroyedError);
      const again = await open();
      try {
        expect(await again.isDestroyed(subject)).toBe(true);
        await expect(again.keyFor(subject)).rejects.toBeInstanceOf(KeyDestroyedError);
      } finally {
        await again.close();
      }
    });

    it('destroys idempotently, and also a subject that never had a key', async () => {
      const subject = randomUUID();
      await store.destroy(subject);
      await store.destroy(subject);
      expect(await store.isDestroyed(subject)).toBe(true);
      await expect(store.keyFor(subject)).rejects.toBeInstanceOf(KeyDestroyedError);
    });

    it('leaves the other subjects keys alone', async () => {
      const kept = randomUUID();
      const key = await store.keyFor(kept);
      const erased = randomUUID();
      await store.keyFor(erased);
      await store.destroy(erased);
      expect((await store.existingKey(kept))?.equals(key)).toBe(true);
      expect(await store.isDestroyed(kept)).toBe(false);
    });
  });
}
