import type { Temperature } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import type { EditCustomerDto } from './edit-customer.dto';
import type { RegisterCustomerDto } from './register-customer.dto';

export class RegisterCustomerCommand {
  constructor(readonly body: RegisterCustomerDto, readonly context: CommandContext) {}
}

export class EditCustomerDataCommand {
  constructor(readonly customerId: string, readonly body: EditCustomerDto, readonly context: CommandContext) {}
}

export class ChangeTemperatureCommand {
  constructor(readonly customerId: string, readonly temperature: Temperature, readonly context: CommandContext) {}
}

export class RevertTemperatureCommand {
  constructor(readonly customerId: string, readonly context: CommandContext) {}
}

export class ChangeObjectiveCommand {
  constructor(readonly customerId: string, readonly objective: string, readonly context: CommandContext) {}
}

export class ChangeMomentCommand {
  constructor(readonly customerId: string, readonly moment: string, readonly subMoment: string | undefined, readonly context: CommandContext) {}
}

export class ChangeProductOfInterestCommand {
  constructor(readonly customerId: string, readonly productId: string, readonly context: CommandContext) {}
}

export class RegisterProposalCommand {
  constructor(
    readonly customerId: string,
    readonly proposal: { productId: string; amount: number | string; notes?: string },
    readonly context: CommandContext,
  ) {}
}

export class MarkProposalAsSaleCommand {
  constructor(readonly customerId: string, readonly proposalId: string, readonly context: CommandContext) {}
}

export class InformDisinterestCommand {
  constructor(readonly customerId: string, readonly reason: string, readonly context: CommandContext) {}
}

export class AddCommentCommand {
  constructor(readonly customerId: string, readonly text: string, readonly context: CommandContext) {}
}

export class ChangeRatingCommand {
  constructor(readonly customerId: string, readonly rating: number, readonly context: CommandContext) {}
}

export class AddNoteCommand {
  constructor(readonly customerId: string, readonly text: string, readonly context: CommandContext) {}
}
