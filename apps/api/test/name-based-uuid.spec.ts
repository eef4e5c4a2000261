import { v5 as uuidv5 } from 'uuid';
import { nameBasedUuid, namespaceBytes } from '../src/commands/name-based-uuid';
import { commandIdFor, entityIdFor, eventIdFor } from '../src/commands/deterministic-ids';

const NAMESPACE = '1b671a64-40d5-491e-99b0-da01ff1f3341';

describe('nameBasedUuid', () => {
  const names = ['', 'event:5f0c1e2a-0000-4000-8000-000000000000:0', 'customer:x', 'command:user-1:key-1', 'João ☃ 日本', 'emoji 😀 pair', 'a'.repeat(1000)];

  it.each(names)('is the UUIDv5 that uuid derives for %j', (name) => {
    expect(nameBasedUuid(name, namespaceBytes(NAMESPACE))).toBe(uuidv5(name, NAMESPACE));
  });

  it('is the same in another namespace', () => {
    const other = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(nameBasedUuid('www.example.com', namespaceBytes(other))).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('refuses a lone surrogate as uuid does', () => {
    expect(() => nameBasedUuid('bad \uD800 name', namespaceBytes(NAMESPACE))).toThrow();
  });
});

describe('deterministic ids', () => {
  it('keep the ids derived before (idempotent retries depend on them)', () => {
    const commandId = '5f0c1e2a-1111-4222-8333-444455556666';
    expect(eventIdFor(commandId, 2)).toBe(uuidv5(`event:${commandId}:2`, NAMESPACE));
    expect(entityIdFor(commandId, 'customer')).toBe(uuidv5(`customer:${commandId}`, NAMESPACE));
    expect(commandIdFor('user-1', 'key-1')).toBe(uuidv5('command:user-1:key-1', NAMESPACE));
  });
});
