import { markerCatalogueDecider, MARKERS_STREAM_ID, type MarkerCommand } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';

/**
 * Runs a command on the marker catalogue's one stream: the limit of 15 and the unique names are
 * decided on the whole catalogue, at the revision read. The answer's id is the marker's.
 */
export function runMarkerCommand(pipeline: CommandPipeline, command: MarkerCommand, context: CommandContext): Promise<CommandResult> {
  return pipeline.run({ streamId: MARKERS_STREAM_ID, aggregateId: command.markerId, decider: markerCatalogueDecider, command, context });
}
