import { randomBytes } from 'node:crypto';
import { DATA_KEY_BYTES } from './key-store.port';

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}
