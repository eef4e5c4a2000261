import type { CommandContext } from '../commands/command-context';

export class PlaceCustomerInWalletCommand {
  constructor(readonly customerId: string, readonly walletId: string, readonly context: CommandContext) {}
}

export class MoveCustomerStageCommand {
  constructor(readonly customerId: string, readonly stepId: string, readonly context: CommandContext) {}
}

export class CompleteMilestoneCommand {
  constructor(readonly customerId: string, readonly milestoneId: string, readonly completedOn: string, readonly context: CommandContext) {}
}

export class ConcludeStepCommand {
  constructor(readonly customerId: string, readonly stepId: string, readonly concludedOn: string, readonly context: CommandContext) {}
}
