import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { CreateMarkerCommand } from './marker-commands';
import { runMarkerCommand } from './run-marker-command';

/** CS6: a new marker; its id derives from the command id, so a retry finds it. */
@CommandHandler(CreateMarkerCommand)
export class CreateMarkerHandler implements ICommandHandler<CreateMarkerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ body, context }: CreateMarkerCommand): Promise<CommandResult> {
    const markerId = entityIdFor(context.commandId, 'marker');
    return runMarkerCommand(this.pipeline, { type: 'CreateMarker', markerId, name: body.name, emoji: body.emoji }, context);
  }
}
