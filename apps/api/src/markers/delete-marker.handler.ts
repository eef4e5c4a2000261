import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { DeleteMarkerCommand } from './marker-commands';
import { runMarkerCommand } from './run-marker-command';

/** CS6: the marker leaves the catalogue; customers that had it show none (no event per customer). */
@CommandHandler(DeleteMarkerCommand)
export class DeleteMarkerHandler implements ICommandHandler<DeleteMarkerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ markerId, context }: DeleteMarkerCommand): Promise<CommandResult> {
    return runMarkerCommand(this.pipeline, { type: 'DeleteMarker', markerId }, context);
  }
}
