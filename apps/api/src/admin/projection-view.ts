import type { ProjectionInfo } from '@trilha/projection';
import type { ProjectionInfoDto } from './projections.dto';

/**
 * What an operator reads first: `failed` when the serving generation stopped on an error,
 * `rebuilding` while a next generation is being built beside it (its own figures are under
 * `rebuilding`), else the serving generation's own status. `lastError` is the error of whichever
 * generation failed.
 */
export function projectionView(info: ProjectionInfo): ProjectionInfoDto {
  const status = info.status !== 'failed' && info.rebuilding ? 'rebuilding' : info.status;
  const lastError = info.failure?.error ?? info.rebuilding?.failure?.error ?? null;
  return { ...info, status, lastError };
}
