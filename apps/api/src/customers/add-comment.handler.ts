import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { AddCommentCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T7. Answers with the comment's id, derived from the command id. */
@CommandHandler(AddCommentCommand)
export class AddCommentHandler implements ICommandHandler<AddCommentCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ customerId, text, context }: AddCommentCommand): Promise<CommandResult> {
    const commentId = entityIdFor(context.commandId, 'comment');
    const result = await runCustomerCommand(this.pipeline, customerId, { type: 'AddComment', customerId, commentId, text }, context);
    return { ...result, id: commentId };
  }
}
