import { Long, type Document } from 'bson';
import { CommandError } from './command-error';

/** Documents a server puts in a first batch when the client names no batch size. */
const DEFAULT_FIRST_BATCH = 101;

interface OpenCursor {
  namespace: string;
  remaining: Document[];
}

/**
 * Open cursors. A find or aggregate computes its whole result at once and serves it in
 * batches (a real server reads lazily: documents written meanwhile may or may not show up).
 */
export class CursorRegistry {
  private readonly cursors = new Map<string, OpenCursor>();
  private lastId = 0n;

  /** The `cursor` field of a find/aggregate/listCollections reply. */
  open(namespace: string, results: Document[], options: { batchSize?: number; singleBatch?: boolean } = {}): Document {
    const size = options.batchSize ?? DEFAULT_FIRST_BATCH;
    const firstBatch = results.slice(0, size);
    const remaining = results.slice(size);
    if (remaining.length === 0 || options.singleBatch) return { firstBatch, id: Long.ZERO, ns: namespace };
    const id = ++this.lastId;
    this.cursors.set(id.toString(), { namespace, remaining });
    return { firstBatch, id: Long.fromBigInt(id), ns: namespace };
  }

  /** The `cursor` field of a getMore reply. Without a batch size, everything that is left. */
  more(id: Long | number, namespace: string, batchSize?: number): Document {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${key} not found`);
    if (cursor.namespace !== namespace) {
      throw new CommandError('BadValue', `Requested getMore on namespace '${namespace}', but cursor belongs to a different namespace ${cursor.namespace}`);
    }
    const nextBatch = cursor.remaining.splice(0, batchSize && batchSize > 0 ? batchSize : cursor.remaining.length);
    if (cursor.remaining.length > 0) return { nextBatch, id: Long.fromString(key), ns: namespace };
    this.cursors.delete(key);
    return { nextBatch, id: Long.ZERO, ns: namespace };
  }

  /** Closes the cursors; answers which were open and which were not. */
  kill(ids: Array<Long | number>): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) {
      const key = id.toString();
      (this.cursors.delete(key) ? killed : notFound).push(Long.fromString(key));
    }
    return { killed, notFound };
  }
}
