import { parsePosition, positionKey, positionToString, type Position } from '@trilha/event-store';
import type { CollectionWrite, Document, ReadStore } from '@trilha/read-store';
import { CHECKPOINTS_COLLECTION, checkpointId } from './naming';

export type CheckpointDocument = Document & { position: string };

/**
 * Checkpoints live in the read store next to the documents they guard, so a batch's writes and
 * its checkpoint go into one `commit`.
 */
export class CheckpointStore {
  constructor(private readonly readStore: ReadStore) {}

  async read(projection: string, generation: number): Promise<Position | undefined> {
    const id = checkpointId(projection, generation);
    const doc = await this.readStore.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION).findOne({ _id: id });
    if (!doc) return undefined;
    const position = parsePosition(doc.position);
    if (!position) throw new Error(`Checkpoint ${id} holds an unreadable position: ${doc.position}`);
    return position;
  }

  /** The guard keeps a checkpoint from moving backwards if an older batch is ever replayed. */
  static write(projection: string, generation: number, position: Position): CollectionWrite {
    const id = checkpointId(projection, generation);
    return {
      collection: CHECKPOINTS_COLLECTION,
      write: {
        op: 'replaceOne',
        filter: { _id: id },
        replacement: { _id: id, position: positionToString(position) },
        upsert: true,
        positionGuard: positionKey(position),
      },
    };
  }

  static remove(projection: string, generation: number): CollectionWrite {
    return { collection: CHECKPOINTS_COLLECTION, write: { op: 'deleteOne', filter: { _id: checkpointId(projection, generation) } } };
  }
}
