import type { ApiClient } from './api-client';
import { progressBar } from './progress-bar';

interface ProjectionView {
  name: string;
  version: number;
  /** Set while a projector in another process has not yet picked the request up. */
  rebuildRequested?: number;
  rebuilding?: { generation: number; status: string; lag: number; eventsPerSecond: number; failure?: { error: string } };
}

export interface WatchOptions {
  pollMs?: number;
  stream?: NodeJS.WritableStream;
}

/**
 * Polls the server until the new generation is active, with a progress bar of the events the
 * rebuild has projected out of those it had to (its lag when first seen), events/s and ETA.
 */
export async function watchRebuild(client: ApiClient, name: string, generation: number, options: WatchOptions = {}): Promise<void> {
  const pollMs = options.pollMs ?? 250;
  const bar = progressBar(`${name} v${generation}`, 'events', options.stream);
  let total: number | undefined;
  try {
    for (;;) {
      const { projections } = await client.get<{ projections: ProjectionView[] }>('/admin/projections');
      const projection = projections.find((p) => p.name === name);
      if (!projection) throw new Error(`Projection ${name} disappeared`);
      if (projection.version >= generation) {
        if (total !== undefined) bar.update(total, { speed: 0 });
        return;
      }
      const building = projection.rebuilding;
      if (!building && projection.rebuildRequested === generation) {
        await sleep(pollMs); // waiting for the projector to start it
        continue;
      }
      if (!building) throw new Error(`Projection ${name}: the rebuild of generation ${generation} is no longer running`);
      if (building.status === 'failed') throw new Error(`Projection ${name}: rebuild failed: ${building.failure?.error ?? 'unknown error'}`);
      if (total === undefined) {
        total = Math.max(building.lag, 1);
        bar.start(total, 0, { speed: 0 });
      }
      // Events appended meanwhile grow the work: the total follows.
      if (building.lag > total) bar.setTotal((total = building.lag));
      bar.update(total - building.lag, { speed: Math.round(building.eventsPerSecond) });
      await sleep(pollMs);
    }
  } finally {
    bar.stop();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
