import { Binary, type Document } from 'bson';
import { CommandError } from '../command-error';
import type { Catalog } from '../storage/catalog';
import { TransactionView } from './transaction-view';

type TransactionState = 'active' | 'committed' | 'aborted';

interface SessionTransaction {
  txnNumber: number;
  state: TransactionState;
  view: TransactionView;
}

/**
 * The transaction of each logical session (`lsid`), numbered by `txnNumber`: started by the
 * first command carrying `startTransaction: true`, joined by the next ones (`autocommit:
 * false`), ended by commitTransaction or abortTransaction, or by a newer transaction number.
 */
export class SessionTransactions {
  private readonly sessions = new Map<string, SessionTransaction>();

  constructor(private readonly catalog: Catalog) {}

  /** The view a command of a multi-document transaction works in. */
  join(command: Document): TransactionView {
    const session = sessionKey(command);
    const txnNumber = Number(command.txnNumber);
    const current = this.sessions.get(session);
    if (command.startTransaction === true) {
      if (current && current.txnNumber >= txnNumber) {
        throw new CommandError('BadValue', `txnNumber ${txnNumber} is not newer than ${current.txnNumber} for this session`);
      }
      const view = new TransactionView(this.catalog);
      this.sessions.set(session, { txnNumber, state: 'active', view });
      return view;
    }
    if (!current || current.txnNumber !== txnNumber || current.state !== 'active') throw noSuchTransaction(txnNumber);
    return current.view;
  }

  commit(command: Document): void {
    const found = this.find(command);
    if (found?.state === 'committed') return; // a retried commit
    if (!found || found.state !== 'active') throw noSuchTransaction(Number(command.txnNumber));
    try {
      found.view.commit();
      found.state = 'committed';
    } catch (error) {
      found.state = 'aborted';
      throw error;
    }
  }

  abort(command: Document): void {
    const found = this.find(command);
    if (!found || found.state !== 'active') throw noSuchTransaction(Number(command.txnNumber));
    found.state = 'aborted';
  }

  /** A command of the transaction failed: MongoDB aborts the transaction. */
  abortAfterError(command: Document): void {
    if (!command.lsid) return;
    const found = this.find(command);
    if (found?.state === 'active') found.state = 'aborted';
  }

  /** endSessions: their open transactions are aborted and forgotten. */
  end(ids: Document[]): void {
    for (const lsid of ids) this.sessions.delete(idKey(lsid));
  }

  private find(command: Document): SessionTransaction | undefined {
    const found = this.sessions.get(sessionKey(command));
    return found && found.txnNumber === Number(command.txnNumber) ? found : undefined;
  }
}

function sessionKey(command: Document): string {
  if (!command.lsid) throw new CommandError('InvalidOptions', 'Transaction numbers are only allowed with a session (lsid)');
  return idKey(command.lsid);
}

function idKey(lsid: Document): string {
  const id: unknown = lsid.id;
  return id instanceof Binary ? id.toString('hex') : String(id);
}

function noSuchTransaction(txnNumber: number): CommandError {
  return new CommandError('NoSuchTransaction', `Transaction with { txnNumber: ${txnNumber} } has been aborted.`, {}, ['TransientTransactionError']);
}
