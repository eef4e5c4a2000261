import type { CommandContext } from '../commands/command-context';

/** T10: delete a customer, erasing their personal data (crypto-shredding, ADR 0017). */
export class DeleteCustomerCommand {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {}
}
