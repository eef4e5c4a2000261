import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@trilha/domain';
import { parsePosition } from '@trilha/event-store';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ErasureCompaction } from '../infrastructure/erasure-compaction';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { DeleteFollowUpCommand } from './follow-up-commands';
import { runOnFollowUp } from './follow-up-handlers';

/**
 * Appends FollowUpDeleted, then destroys the follow-up's data key (ADR 0042), as a customer's
 * erasure does. In that order: once the event is in the stream no command can append personal
 * data to the follow-up (the decider refuses), so the key is not needed again. If the process
 * stops in between, the follow-up reads as deleted and a second DELETE (409, or the same
 * Idempotency-Key: the first answer) destroys the key then.
 */
@CommandHandler(DeleteFollowUpCommand)
export class DeleteFollowUpHandler implements ICommandHandler<DeleteFollowUpCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly vault: PersonalDataVault,
    private readonly compaction: ErasureCompaction,
  ) {}

  async execute({ followUpId, context }: DeleteFollowUpCommand): Promise<CommandResult> {
    try {
      const result = await runOnFollowUp(this.pipeline, followUpId, { type: 'DeleteFollowUp', followUpId }, context);
      await this.vault.destroy(followUpId);
      // Embedded: answer once the calendar has dropped it and the SQLite WAL is truncated.
      await this.compaction.afterErasure(result.position ? parsePosition(result.position) : undefined);
      return result;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'follow_up_deleted') await this.vault.destroy(followUpId);
      throw error;
    }
  }
}
