import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { messageTemplateDecider, messageTemplateNotFound, messageTemplateStreamId, templateBody, templateName } from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { laterPosition } from '../wallets/later-position';
import { MessageTemplateNames } from './message-template-names';
import { ChangeMessageTemplateCommand } from './message-template-commands';

/**
 * A rename claims the new name in the registry (releasing the old one in the same event); a new
 * body goes to the template's stream. The answer's revision is the template stream's.
 */
@CommandHandler(ChangeMessageTemplateCommand)
export class ChangeMessageTemplateHandler implements ICommandHandler<ChangeMessageTemplateCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader, private readonly names: MessageTemplateNames) {}

  async execute({ templateId, change, context }: ChangeMessageTemplateCommand): Promise<CommandResult> {
    const streamId = messageTemplateStreamId(templateId);
    const state = await this.reader.state(streamId, messageTemplateDecider);
    if (state.status !== 'live') throw messageTemplateNotFound(templateId);
    // Both inputs are checked before anything is written.
    if (change.name !== undefined) templateName(change.name);
    if (change.body !== undefined) templateBody(change.body);
    const renamed = change.name !== undefined ? await this.names.claim(change.name, templateId, context) : undefined;
    // Without a new body this appends nothing and answers the template's current revision.
    const body = change.body ?? state.body;
    const changed = await this.pipeline.run({ streamId, aggregateId: templateId, decider: messageTemplateDecider, command: { type: 'ChangeMessageTemplateBody', templateId, body }, context });
    return { ...changed, position: laterPosition(changed.position, renamed?.position ?? null), appended: changed.appended || (renamed?.appended ?? false) };
  }
}
