import type { CommandContext } from '../commands/command-context';
import type { EditCustomerDto } from './edit-customer.dto';
import type { RegisterCustomerDto } from './register-customer.dto';

export class RegisterCustomerCommand {
  constructor(readonly body: RegisterCustomerDto, readonly context: CommandContext) {}
}

export class EditCustomerDataCommand {
  constructor(readonly customerId: string, readonly body: EditCustomerDto, readonly context: CommandContext) {}
}
