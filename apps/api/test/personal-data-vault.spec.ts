import { encryptValue, ERASED_TEXT } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { InMemoryKeyStore } from '@trilha/key-store';
import { PersonalDataVault } from '../src/infrastructure/personal-data-vault';

function commentEvent(customerId: string, text: unknown): RecordedEvent {
  return {
    id: 'e1',
    streamId: `customer-${customerId}`,
    type: 'CommentAdded',
    revision: 0n,
    position: { commit: 1n, prepare: 1n },
    data: { customerId, text },
    metadata: {},
    created: '2026-01-01T00:00:00.000Z',
  };
}

describe('PersonalDataVault decryption', () => {
  it('decrypts without waiting only once the key is in memory', async () => {
    const keys = new InMemoryKeyStore();
    const vault = new PersonalDataVault(keys);
    const stored = commentEvent('c1', encryptValue(await keys.keyFor('c1'), 'c1', 'ligar amanhã'));

    expect(vault.decryptWithKeysAtHand(stored)).toBeUndefined();
    expect((await vault.decrypt(stored)).data.text).toBe('ligar amanhã');
    expect(vault.decryptWithKeysAtHand(stored)?.data.text).toBe('ligar amanhã');
    expect(stored.data.text).toHaveProperty('$enc');
  });

  it('passes an event without ciphertext through as it is', async () => {
    const vault = new PersonalDataVault(new InMemoryKeyStore());
    const plain = commentEvent('c1', 'no personal data');
    expect(vault.decryptWithKeysAtHand(plain)).toBe(plain);
    expect(await vault.decrypt(plain)).toBe(plain);
  });

  it('gives placeholders at once for a forgotten customer, even while the key store still has the key', async () => {
    const keys = new InMemoryKeyStore();
    const vault = new PersonalDataVault(keys);
    const stored = commentEvent('c1', encryptValue(await keys.keyFor('c1'), 'c1', 'texto'));
    vault.forget('c1');
    expect(vault.decryptWithKeysAtHand(stored)?.data.text).toBe(ERASED_TEXT);
    expect((await vault.decrypt(stored)).data.text).toBe(ERASED_TEXT);
  });

  it('reads the key store again once a cached key expired', async () => {
    let now = 0;
    const keys = new InMemoryKeyStore();
    const vault = new PersonalDataVault(keys, { keyTtlMs: 1_000, now: () => now });
    const stored = commentEvent('c1', encryptValue(await keys.keyFor('c1'), 'c1', 'texto'));
    await vault.decrypt(stored);
    now = 999;
    expect(vault.decryptWithKeysAtHand(stored)?.data.text).toBe('texto');
    now = 1_000;
    expect(vault.decryptWithKeysAtHand(stored)).toBeUndefined();
    await keys.destroy('c1');
    expect((await vault.decrypt(stored)).data.text).toBe(ERASED_TEXT);
  });
});

describe('PersonalDataVault encryption', () => {
  it('refuses to encrypt for an erased subject with 409 naming it: a customer, or a follow-up (ADR 0042)', async () => {
    const keys = new InMemoryKeyStore();
    const vault = new PersonalDataVault(keys);
    await vault.destroy('c1');
    await vault.destroy('f1');
    await expect(vault.encrypt('CommentAdded', { customerId: 'c1', text: 'de novo' })).rejects.toMatchObject({ kind: 'conflict', code: 'customer_deleted' });
    await expect(vault.encrypt('FollowUpEmailSent', { followUpId: 'f1', to: 'a@b.co', message: 'Olá' })).rejects.toMatchObject({ kind: 'conflict', code: 'follow_up_deleted' });
    // Another process, which only finds the key destroyed in the key store.
    const other = new PersonalDataVault(keys);
    await expect(other.encrypt('FollowUpEmailSent', { followUpId: 'f1', to: 'a@b.co', message: 'Olá' })).rejects.toMatchObject({ code: 'follow_up_deleted' });
  });
});
