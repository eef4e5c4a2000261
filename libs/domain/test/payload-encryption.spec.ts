import { randomBytes } from 'node:crypto';
import {
  decryptPayload,
  decryptPayloadWith,
  encryptedSubject,
  encryptedSubjectsOf,
  encryptValue,
  ERASED_TEXT,
  parseEncryptedValue,
} from '@trilha/domain';

const alice = 'c-alice';
const bob = 'c-bob';
const keys = new Map([
  [alice, randomBytes(32)],
  [bob, randomBytes(32)],
]);

function sealed(subject: string, value: unknown) {
  return encryptValue(keys.get(subject)!, subject, value);
}

describe('payload decryption', () => {
  const payload = {
    customerId: alice,
    name: sealed(alice, 'Alice Souza'),
    amount: 1200,
    contacts: [{ kind: 'phone', value: sealed(alice, '+55 11 99999-0000') }, { kind: 'note', value: 'plain' }],
    untouched: { nested: { deep: [1, 2, 3] } },
    partner: { id: bob, email: sealed(bob, 'bob@example.com'), tags: sealed(bob, ['vip']) },
  };

  it('names every subject whose key it needs, and none for a payload in clear', () => {
    expect([...encryptedSubjectsOf(payload)].sort()).toEqual([alice, bob]);
    expect(encryptedSubjectsOf({ customerId: alice, amount: 3, list: [{ a: 'b' }] }).size).toBe(0);
  });

  it('reads the subject from the header alone, as the full parse does, and refuses what is not a known envelope', () => {
    for (const value of ['x', ['a'], { a: 1 }, 42]) {
      const { $enc } = sealed(alice, value);
      expect(encryptedSubject($enc)).toBe(parseEncryptedValue({ $enc }).subject);
    }
    for (const malformed of ['v2:s:c-alice:AAAA', 'v1:x:c-alice:AAAA', 'v1:s::AAAA', 'v1:s:c-alice', 'v1s:c-alice:AAAA', '']) {
      expect(() => encryptedSubject(malformed)).toThrow('Not an encrypted value of a known version');
      expect(() => encryptedSubjectsOf({ v: { $enc: malformed } })).toThrow('Not an encrypted value of a known version');
    }
  });

  it('puts every value back in clear with the keys at hand', () => {
    expect(decryptPayloadWith(payload, keys)).toEqual({
      customerId: alice,
      name: 'Alice Souza',
      amount: 1200,
      contacts: [{ kind: 'phone', value: '+55 11 99999-0000' }, { kind: 'note', value: 'plain' }],
      untouched: { nested: { deep: [1, 2, 3] } },
      partner: { id: bob, email: 'bob@example.com', tags: ['vip'] },
    });
  });

  it('copies only what holds ciphertext: the stored payload is left as it was', () => {
    const before = JSON.stringify(payload);
    const clear = decryptPayloadWith(payload, keys);
    expect(JSON.stringify(payload)).toBe(before);
    expect(clear.untouched).toBe(payload.untouched);
    expect((clear.contacts as unknown[])[1]).toBe(payload.contacts[1]);
    const inClear = { customerId: alice, list: [{ a: 1 }] };
    expect(decryptPayloadWith(inClear, keys)).toBe(inClear);
  });

  it('gives placeholders of the same JSON type for a subject whose key is gone', () => {
    const clear = decryptPayloadWith(payload, new Map([[alice, keys.get(alice)]]));
    expect(clear.name).toBe('Alice Souza');
    expect(clear.partner).toEqual({ id: bob, email: ERASED_TEXT, tags: [] });
  });

  it('asks for each subject key once, and the async form agrees with the synchronous one', async () => {
    const asked: string[] = [];
    const clear = await decryptPayload(payload, async (subject) => {
      asked.push(subject);
      return keys.get(subject);
    });
    expect(asked.sort()).toEqual([alice, bob]);
    expect(clear).toEqual(decryptPayloadWith(payload, keys));
  });

  it('refuses altered ciphertext and a key of another customer', () => {
    const text = sealed(alice, 'secret').$enc;
    const flipped = text.slice(0, -4) + (text.slice(-4, -3) === 'A' ? 'B' : 'A') + text.slice(-3);
    expect(() => decryptPayloadWith({ v: { $enc: flipped } }, keys)).toThrow();
    expect(() => decryptPayloadWith({ v: sealed(alice, 'secret') }, new Map([[alice, keys.get(bob)]]))).toThrow();
  });

  it('treats an object with $enc beside other keys as plain data', () => {
    const lookalike = { v: { $enc: 'v1:s:c-alice:AAAA', other: 1 } };
    expect(encryptedSubjectsOf(lookalike).size).toBe(0);
    expect(decryptPayloadWith(lookalike, keys)).toBe(lookalike);
  });
});
