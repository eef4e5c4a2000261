import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { followUpDecider, followUpDeleted, followUpNotFound, followUpStreamId, messageTemplateDecider, messageTemplateStreamId, rejected, type SendFollowUpEmail } from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { SendFollowUpEmailCommand } from './follow-up-commands';

/**
 * Sends the typed message or a saved template's body (read from the template's own stream), its
 * placeholders rendered by the follow-up's decider with the sender's name (ADR 0039).
 */
@CommandHandler(SendFollowUpEmailCommand)
export class SendFollowUpEmailHandler implements ICommandHandler<SendFollowUpEmailCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  async execute({ followUpId, source, context }: SendFollowUpEmailCommand): Promise<CommandResult> {
    const senderName = context.actor.name !== undefined ? { senderName: context.actor.name } : {};
    // An unknown follow-up is a 404, a deleted one a 409, whatever the template.
    const followUp = await this.reader.state(followUpStreamId(followUpId), followUpDecider);
    if (!followUp.exists) throw followUpNotFound(followUpId);
    if (followUp.deleted) throw followUpDeleted(followUpId);
    let command: SendFollowUpEmail;
    if ('templateId' in source) {
      const template = await this.reader.state(messageTemplateStreamId(source.templateId), messageTemplateDecider);
      if (template.status !== 'live') {
        throw rejected('message_template_unavailable', `templateId ${source.templateId}: no such message template, or it was deleted`, 'templateId');
      }
      command = { type: 'SendFollowUpEmail', followUpId, message: template.body, templateId: source.templateId, ...senderName };
    } else {
      command = { type: 'SendFollowUpEmail', followUpId, message: source.message, ...senderName };
    }
    return this.pipeline.run({ streamId: followUpStreamId(followUpId), aggregateId: followUpId, decider: followUpDecider, command, context });
  }
}
