import type { ApiClient } from './api-client';

interface ProjectionView {
  name: string;
  version: number;
  status: string;
  lag: number;
  /** Set while a projector in another process has not yet picked the request up. */
  rebuildRequested?: number;
  rebuilding?: { generation: number; status: string; lag: number; failure?: { error: string } };
}

const BAR_WIDTH = 30;

/** Polls the server until the new generation is active, drawing a progress bar from its lag. */
export async function watchRebuild(client: ApiClient, name: string, generation: number): Promise<void> {
  let initialLag: number | undefined;
  for (;;) {
    const { projections } = await client.get<{ projections: ProjectionView[] }>('/admin/projections');
    const projection = projections.find((p) => p.name === name);
    if (!projection) throw new Error(`Projection ${name} disappeared`);
    if (projection.version >= generation) {
      draw(name, 1, 'active');
      process.stdout.write('\n');
      console.log(`${name}: generation ${generation} is active`);
      return;
    }
    const building = projection.rebuilding;
    if (!building && projection.rebuildRequested === generation) {
      draw(name, 0, 'waiting for the projector');
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    if (!building) throw new Error(`Projection ${name}: the rebuild of generation ${generation} is no longer running`);
    if (building.status === 'failed') throw new Error(`Projection ${name}: rebuild failed: ${building.failure?.error ?? 'unknown error'}`);
    initialLag ??= Math.max(building.lag, 1);
    draw(name, 1 - Math.min(building.lag, initialLag) / initialLag, `lag ${building.lag}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function draw(name: string, fraction: number, note: string): void {
  const filled = Math.round(fraction * BAR_WIDTH);
  const line = `${name} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.round(fraction * 100)}% ${note}`;
  process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
}
