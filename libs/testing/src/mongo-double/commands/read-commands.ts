import type { Document } from 'bson';
import { collectionName, type CommandContext, type CommandTable } from '../command-context';
import { CommandError } from '../command-error';
import { aggregate, select } from '../query/evaluate';

function documentsOf(context: CommandContext, name: string): Document[] {
  return context.storage.collection(context.db, name)?.documentsInOrder() ?? [];
}

function count(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new CommandError('BadValue', `${field} must be an integer`);
  return value;
}

export const readCommands: CommandTable = {
  find: {
    allowedInTransaction: true,
    run: (command, context) => {
      const name = collectionName(command, 'find');
      const skip = count(command.skip, 'skip');
      const limit = count(command.limit, 'limit');
      if ((skip ?? 0) < 0 || (limit ?? 0) < 0) throw new CommandError('BadValue', 'skip and limit must be non-negative');
      const results = select(documentsOf(context, name), {
        filter: command.filter,
        sort: command.sort,
        skip,
        limit,
        projection: command.projection,
      });
      const cursor = context.cursors.open(`${context.db}.${name}`, results, {
        batchSize: count(command.batchSize, 'batchSize'),
        singleBatch: command.singleBatch === true,
      });
      return { cursor, ok: 1 };
    },
  },

  aggregate: {
    allowedInTransaction: true,
    run: (command, context) => {
      const target: unknown = command.aggregate;
      if (typeof target !== 'string') throw new CommandError('InvalidOptions', 'the MongoDB test double aggregates collections only, not {aggregate: 1}');
      if (!Array.isArray(command.pipeline)) throw new CommandError('FailedToParse', "'pipeline' option must be specified as an array");
      if (command.explain) throw new CommandError('InvalidOptions', 'explain is not supported by the MongoDB test double');
      const results = aggregate(documentsOf(context, target), command.pipeline);
      return { cursor: context.cursors.open(`${context.db}.${target}`, results, { batchSize: count(command.cursor?.batchSize, 'batchSize') }), ok: 1 };
    },
  },

  /** Not allowed in a transaction, as in MongoDB (drivers' countDocuments aggregates instead). */
  count: {
    run: (command, context) => {
      const name = collectionName(command, 'count');
      const matches = select(documentsOf(context, name), { filter: command.query, skip: count(command.skip, 'skip') });
      const limit = Math.abs(count(command.limit, 'limit') ?? 0);
      return { n: limit > 0 ? Math.min(limit, matches.length) : matches.length, ok: 1 };
    },
  },

  getMore: {
    allowedInTransaction: true,
    run: (command, context) => {
      const namespace = `${context.db}.${String(command.collection)}`;
      return { cursor: context.cursors.more(command.getMore, namespace, count(command.batchSize, 'batchSize')), ok: 1 };
    },
  },

  killCursors: {
    allowedInTransaction: true,
    run: (command, context) => {
      const { killed, notFound } = context.cursors.kill(Array.isArray(command.cursors) ? command.cursors : []);
      return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
    },
  },
};
