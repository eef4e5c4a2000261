import type { Document } from 'bson';
import type { CommandContext, CommandTable, ServerIdentity } from './command-context';
import { CommandError } from './command-error';
import { catalogCommands } from './commands/catalog-commands';
import { handshakeCommands } from './commands/handshake-commands';
import { indexCommands } from './commands/index-commands';
import { readCommands } from './commands/read-commands';
import { transactionCommands } from './commands/transaction-commands';
import { writeCommands } from './commands/write-commands';
import { CursorRegistry } from './cursor-registry';
import { Catalog } from './storage/catalog';
import { SessionTransactions } from './transactions/session-transactions';

const COMMANDS: CommandTable = {
  ...handshakeCommands,
  ...catalogCommands,
  ...indexCommands,
  ...readCommands,
  ...writeCommands,
  ...transactionCommands,
};

const ENDS_TRANSACTION = new Set(['commitTransaction', 'abortTransaction']);

/** Runs commands against the server's state; every outcome is a reply document. */
export class CommandRouter {
  private readonly catalog = new Catalog();
  private readonly cursors = new CursorRegistry();
  private readonly sessions = new SessionTransactions(this.catalog);

  constructor(private readonly server: ServerIdentity) {}

  execute(command: Document, connectionId: number): Document {
    const name = Object.keys(command)[0];
    try {
      const definition = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
      if (!definition) throw new CommandError('CommandNotFound', `no such command: '${name}'`);
      const inTransaction = command.autocommit === false;
      if (inTransaction && !this.server.setName) {
        throw new CommandError('IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos');
      }
      if (inTransaction && !definition.allowedInTransaction) {
        throw new CommandError('OperationNotSupportedInTransaction', `Cannot run '${name}' in a multi-document transaction.`);
      }
      const context: CommandContext = {
        db: typeof command.$db === 'string' ? command.$db : 'admin',
        storage: inTransaction && !ENDS_TRANSACTION.has(name) ? this.sessions.join(command) : this.catalog,
        catalog: this.catalog,
        cursors: this.cursors,
        sessions: this.sessions,
        server: this.server,
        connectionId,
        inTransaction,
      };
      const reply = definition.run(command, context);
      // A write error inside a transaction aborts it, as on a real server.
      if (inTransaction && Array.isArray(reply.writeErrors) && reply.writeErrors.length > 0) this.sessions.abortAfterError(command);
      return reply;
    } catch (error) {
      if (command.autocommit === false && !ENDS_TRANSACTION.has(name)) this.sessions.abortAfterError(command);
      if (error instanceof CommandError) return error.toReply();
      return new CommandError('InternalError', error instanceof Error ? error.message : String(error)).toReply();
    }
  }
}
