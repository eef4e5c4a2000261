import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { ClearPortfolioExceptionCommand, MarkAsNonCustomerCommand, SetPortfolioExceptionCommand, UnmarkAsNonCustomerCommand } from './portfolio-exception-commands';
import { runCustomerCommand } from './run-customer-command';

/** T9 */
@CommandHandler(MarkAsNonCustomerCommand)
export class MarkAsNonCustomerHandler implements ICommandHandler<MarkAsNonCustomerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, kind, note, context }: MarkAsNonCustomerCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'MarkAsNonCustomer', customerId, kind, ...(note !== undefined ? { note } : {}) }, context);
  }
}

/** T9, undone */
@CommandHandler(UnmarkAsNonCustomerCommand)
export class UnmarkAsNonCustomerHandler implements ICommandHandler<UnmarkAsNonCustomerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, context }: UnmarkAsNonCustomerCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'UnmarkAsNonCustomer', customerId }, context);
  }
}

/** T12 */
@CommandHandler(SetPortfolioExceptionCommand)
export class SetPortfolioExceptionHandler implements ICommandHandler<SetPortfolioExceptionCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, exception, context }: SetPortfolioExceptionCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'SetPortfolioException', customerId, exception }, context);
  }
}

/** T12 */
@CommandHandler(ClearPortfolioExceptionCommand)
export class ClearPortfolioExceptionHandler implements ICommandHandler<ClearPortfolioExceptionCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, exception, context }: ClearPortfolioExceptionCommand): Promise<CommandResult> {
    return runCustomerCommand(this.pipeline, customerId, { type: 'ClearPortfolioException', customerId, exception }, context);
  }
}

export const PORTFOLIO_EXCEPTION_HANDLERS = [MarkAsNonCustomerHandler, UnmarkAsNonCustomerHandler, SetPortfolioExceptionHandler, ClearPortfolioExceptionHandler];
