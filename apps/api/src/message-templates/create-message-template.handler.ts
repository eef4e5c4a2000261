import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { messageTemplateDecider, messageTemplateStreamId, templateName, type CreateMessageTemplate } from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { CLOCK } from '../infrastructure/tokens';
import { laterPosition } from '../wallets/later-position';
import { MessageTemplateNames } from './message-template-names';
import { CreateMessageTemplateCommand } from './message-template-commands';

/** Claims the name, then creates the template in its own stream: a retry with the same Idempotency-Key completes both. */
@CommandHandler(CreateMessageTemplateCommand)
export class CreateMessageTemplateHandler implements ICommandHandler<CreateMessageTemplateCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: AggregateReader,
    private readonly names: MessageTemplateNames,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ name, body, context }: CreateMessageTemplateCommand): Promise<CommandResult> {
    const templateId = entityIdFor(context.commandId, 'message-template');
    const streamId = messageTemplateStreamId(templateId);
    const command: CreateMessageTemplate = { type: 'CreateMessageTemplate', templateId, body };
    let claimed: string | null = null;
    const current = await this.reader.state(streamId, messageTemplateDecider);
    if (current.status === 'none') {
      // Refuse a bad name or body before the name is claimed for it.
      templateName(name);
      messageTemplateDecider.decide(command, current, this.clock());
      claimed = (await this.names.claim(name, templateId, context)).position;
    }
    const created = await this.pipeline.run({ streamId, aggregateId: templateId, decider: messageTemplateDecider, command, context });
    return { ...created, position: laterPosition(created.position, claimed) };
  }
}
