import type { Document, ReadStore } from '@trilha/read-store';
import { CHECKPOINTS_COLLECTION, checkpointId, physicalCollectionName, type ProjectionDefinition } from '@trilha/projection';

/** Every document of a generation, by logical collection, in `_id` order. */
export async function readModel(store: ReadStore, definition: ProjectionDefinition, generation: number): Promise<Record<string, Document[]>> {
  const model: Record<string, Document[]> = {};
  for (const spec of definition.collections) {
    model[spec.name] = await store.collection(physicalCollectionName(spec.name, generation)).find({}, { sort: { _id: 1 } });
  }
  return model;
}

/** The stored checkpoint of a generation, as its serialized position. */
export async function storedCheckpoint(store: ReadStore, name: string, generation: number): Promise<string | undefined> {
  const doc = await store.collection(CHECKPOINTS_COLLECTION).findOne({ _id: checkpointId(name, generation) });
  return doc?.position as string | undefined;
}

export async function resetCheckpoint(store: ReadStore, name: string, generation: number): Promise<void> {
  await store.commit([{ collection: CHECKPOINTS_COLLECTION, write: { op: 'deleteOne', filter: { _id: checkpointId(name, generation) } } }]);
}
