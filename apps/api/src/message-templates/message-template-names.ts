import { Injectable } from '@nestjs/common';
import {
  DomainError,
  MESSAGE_TEMPLATE_NAMES_STREAM_ID,
  messageTemplateDecider,
  messageTemplateNamesDecider,
  messageTemplateStreamId,
  normalizeTemplateName,
  templateNameTaken,
  type MessageTemplateNameCommand,
} from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { subCommandContext } from '../wallets/sub-command-context';

/**
 * Template names are unique ignoring case, across templates: one registry stream records which
 * template holds each name (ADR 0039). A name is claimed before its template is created, and
 * released after its template is deleted.
 */
@Injectable()
export class MessageTemplateNames {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  /**
   * Gives `name` to `templateId`, or refuses with 409 while a live template holds it. A holder that
   * was deleted before its name was released, or whose creation never happened, gives it up.
   */
  async claim(name: string, templateId: string, context: CommandContext): Promise<CommandResult> {
    const claimContext = subCommandContext(context, 'template-name');
    try {
      return await this.run({ type: 'ClaimMessageTemplateName', templateId, name }, claimContext);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'message_template_name_taken')) throw error;
    }
    const names = await this.reader.state(MESSAGE_TEMPLATE_NAMES_STREAM_ID, messageTemplateNamesDecider);
    const holder = names.holders[normalizeTemplateName(name)]?.templateId;
    if (holder === undefined || holder === templateId) throw templateNameTaken(name.trim());
    const held = await this.reader.state(messageTemplateStreamId(holder), messageTemplateDecider);
    if (held.status === 'live') throw templateNameTaken(name.trim());
    if (held.status === 'none') {
      // Claimed and never created (a crash in between): closing its stream makes sure it never
      // will be; if it was created meanwhile, the name is taken.
      try {
        await this.pipeline.run({
          streamId: messageTemplateStreamId(holder),
          aggregateId: holder,
          decider: messageTemplateDecider,
          command: { type: 'AbandonMessageTemplateCreation', templateId: holder, takenOverBy: templateId },
          context: subCommandContext(context, 'template-name-abandon'),
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'message_template_exists') throw templateNameTaken(name.trim());
        throw error;
      }
    }
    return this.run({ type: 'ClaimMessageTemplateName', templateId, name, takeOverFrom: holder }, subCommandContext(context, 'template-name-takeover'));
  }

  release(templateId: string, context: CommandContext): Promise<CommandResult> {
    return this.run({ type: 'ReleaseMessageTemplateName', templateId }, subCommandContext(context, 'template-name-release'));
  }

  private run(command: MessageTemplateNameCommand, context: CommandContext): Promise<CommandResult> {
    return this.pipeline.run({ streamId: MESSAGE_TEMPLATE_NAMES_STREAM_ID, aggregateId: command.templateId, decider: messageTemplateNamesDecider, command, context });
  }
}
