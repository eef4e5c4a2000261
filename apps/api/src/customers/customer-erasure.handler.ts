import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { parsePosition } from '@trilha/event-store';
import { ErasureCompaction } from '../infrastructure/erasure-compaction';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { DeleteCustomerCommand } from './customer-erasure.command';
import { runCustomerCommand } from './run-customer-command';

/**
 * Appends CustomerDeleted, then destroys the customer's data key. In that order: once the event is
 * in the stream no command can append personal data for the customer (the decider refuses), so
 * the key is not needed again. If the process stops in between, the customer reads as deleted
 * and a second DELETE (409, or the same Idempotency-Key: the first answer) destroys the key then.
 */
@CommandHandler(DeleteCustomerCommand)
export class DeleteCustomerHandler implements ICommandHandler<DeleteCustomerCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly vault: PersonalDataVault,
    private readonly compaction: ErasureCompaction,
  ) {}

  async execute({ customerId, context }: DeleteCustomerCommand): Promise<CommandResult> {
    try {
      const result = await runCustomerCommand(this.pipeline, customerId, { type: 'DeleteCustomer', customerId }, context);
      await this.vault.destroy(customerId);
      // Embedded: answer once the read models hold placeholders and the SQLite WAL is truncated.
      await this.compaction.afterErasure(result.position ? parsePosition(result.position) : undefined);
      return result;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'customer_deleted') await this.vault.destroy(customerId);
      throw error;
    }
  }
}
