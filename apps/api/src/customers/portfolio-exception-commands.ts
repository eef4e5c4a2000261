import type { NonCustomerKind, PortfolioException } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';

/** T9 and T12 commands as sent through the CommandBus. */

export class MarkAsNonCustomerCommand {
  constructor(readonly customerId: string, readonly kind: NonCustomerKind, readonly note: string | undefined, readonly context: CommandContext) {}
}

export class UnmarkAsNonCustomerCommand {
  constructor(readonly customerId: string, readonly context: CommandContext) {}
}

export class SetPortfolioExceptionCommand {
  constructor(readonly customerId: string, readonly exception: PortfolioException, readonly context: CommandContext) {}
}

export class ClearPortfolioExceptionCommand {
  constructor(readonly customerId: string, readonly exception: PortfolioException, readonly context: CommandContext) {}
}
