import { createEventUpcasters } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import { prepareProjection, ProjectionRunner, upcastWith, type ProjectionDefinition } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { nowMs } from './stats';

export interface RebuildResult {
  name: string;
  ms: number;
  /** Events of the whole store scanned per second (the filter skips some of them). */
  perSecond: number;
}

/**
 * (4) A projection built from zero over the whole store into an empty read store, as a rebuild
 * does: the ProjectionRunner with its default batching, events decrypted and upcast on the way.
 */
export async function measureRebuild(eventStore: EventStore, readStore: ReadStore, definition: ProjectionDefinition, totalEvents: number): Promise<RebuildResult> {
  const entry = await prepareProjection(readStore, definition);
  const runner = new ProjectionRunner({ eventStore, readStore, definition, generation: entry.activeGeneration, upcast: upcastWith(createEventUpcasters()) });
  const started = nowMs();
  await runner.start();
  const upToDate = await runner.whenUpToDate();
  const ms = nowMs() - started;
  await runner.stop();
  if (!upToDate) throw new Error(`${definition.name} did not catch up: ${runner.failure?.error ?? runner.status}`);
  return { name: definition.name, ms, perSecond: (totalEvents / ms) * 1000 };
}
