import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { messageTemplateDecider, messageTemplateStreamId } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { laterPosition } from '../wallets/later-position';
import { MessageTemplateNames } from './message-template-names';
import { DeleteMessageTemplateCommand } from './message-template-commands';

/** Deletes the template, then frees its name; a template deleted whose name was not freed yet gives it up to a new claim. */
@CommandHandler(DeleteMessageTemplateCommand)
export class DeleteMessageTemplateHandler implements ICommandHandler<DeleteMessageTemplateCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline, private readonly names: MessageTemplateNames) {}

  async execute({ templateId, context }: DeleteMessageTemplateCommand): Promise<CommandResult> {
    const streamId = messageTemplateStreamId(templateId);
    const deleted = await this.pipeline.run({ streamId, aggregateId: templateId, decider: messageTemplateDecider, command: { type: 'DeleteMessageTemplate', templateId }, context });
    const released = await this.names.release(templateId, context);
    return { ...deleted, position: laterPosition(deleted.position, released.position) };
  }
}
