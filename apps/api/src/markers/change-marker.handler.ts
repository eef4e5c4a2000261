import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ChangeMarkerCommand } from './marker-commands';
import { runMarkerCommand } from './run-marker-command';

/** CS6: rename a marker, change its emoji, or both. */
@CommandHandler(ChangeMarkerCommand)
export class ChangeMarkerHandler implements ICommandHandler<ChangeMarkerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ markerId, body, context }: ChangeMarkerCommand): Promise<CommandResult> {
    const { name, emoji } = body;
    // Null or absent: unchanged (both fields are required on a marker, neither can be cleared).
    return runMarkerCommand(this.pipeline, { type: 'ChangeMarker', markerId, ...(name != null ? { name } : {}), ...(emoji != null ? { emoji } : {}) }, context);
  }
}
