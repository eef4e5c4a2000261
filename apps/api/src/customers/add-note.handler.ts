import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { AddNoteCommand } from './customer-commands';
import { runCustomerCommand } from './run-customer-command';

/** T15. Answers with the note's id, derived from the command id. */
@CommandHandler(AddNoteCommand)
export class AddNoteHandler implements ICommandHandler<AddNoteCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ customerId, text, context }: AddNoteCommand): Promise<CommandResult> {
    const noteId = entityIdFor(context.commandId, 'note');
    const result = await runCustomerCommand(this.pipeline, customerId, { type: 'AddNote', customerId, noteId, text }, context);
    return { ...result, id: noteId };
  }
}
