import type { CommandTable } from '../command-context';

/** Admin commands that end a transaction; the router has checked `autocommit: false`. */
export const transactionCommands: CommandTable = {
  commitTransaction: {
    allowedInTransaction: true,
    run: (command, { sessions }) => {
      sessions.commit(command);
      return { ok: 1 };
    },
  },
  abortTransaction: {
    allowedInTransaction: true,
    run: (command, { sessions }) => {
      sessions.abort(command);
      return { ok: 1 };
    },
  },
};
