import type { Document } from 'bson';
import { CommandError } from './command-error';
import type { CursorRegistry } from './cursor-registry';
import type { Catalog } from './storage/catalog';
import type { Storage } from './storage/storage';
import type { SessionTransactions } from './transactions/session-transactions';

export interface ServerIdentity {
  /** `host:port`, as clients address the server. */
  address: string;
  /** The replica set name, or undefined for a standalone server. */
  setName?: string;
}

export interface CommandContext {
  /** The command's database (`$db`). */
  db: string;
  /** The committed data, or the snapshot of the transaction the command belongs to. */
  storage: Storage;
  catalog: Catalog;
  cursors: CursorRegistry;
  sessions: SessionTransactions;
  server: ServerIdentity;
  connectionId: number;
  inTransaction: boolean;
}

export interface CommandDefinition {
  run(command: Document, context: CommandContext): Document;
  /** Commands MongoDB accepts inside a multi-document transaction. */
  allowedInTransaction?: boolean;
}

export type CommandTable = Record<string, CommandDefinition>;

/** The collection a collection-level command names (`{find: 'people', …}`). */
export function collectionName(command: Document, commandName: string): string {
  const name: unknown = command[commandName];
  if (typeof name !== 'string' || name === '') {
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  }
  return name;
}
