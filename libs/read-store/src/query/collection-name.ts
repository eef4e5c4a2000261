import { UnsupportedQueryError } from '../errors';

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,119}$/;

/** Names both backends accept as is (and the SQLite adapter can quote as an identifier). */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !NAME.test(name) || name.startsWith('system.')) {
    throw new UnsupportedQueryError(`unsupported collection name '${String(name)}'`);
  }
}
