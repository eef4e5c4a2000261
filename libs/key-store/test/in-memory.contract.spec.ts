import { InMemoryKeyStore } from '../src';
import { describeKeyStoreContract } from './key-store.contract';

const shared = new InMemoryKeyStore();
// One map behind every "open": the contract's reopen checks see the same keys.
describeKeyStoreContract('in-memory', async () => ({
  keyFor: (s) => shared.keyFor(s),
  existingKey: (s) => shared.existingKey(s),
  destroy: (s) => shared.destroy(s),
  isDestroyed: (s) => shared.isDestroyed(s),
  close: async () => undefined,
}));
