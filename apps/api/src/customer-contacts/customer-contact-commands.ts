import type { CommandContext } from '../commands/command-context';
import type { AddContactDto, EditContactDto } from './contacts.dto';

export class AddContactCommand {
  constructor(readonly customerId: string, readonly body: AddContactDto, readonly context: CommandContext) {}
}

export class EditContactCommand {
  constructor(readonly customerId: string, readonly contactId: string, readonly body: EditContactDto, readonly context: CommandContext) {}
}

export class RemoveContactCommand {
  constructor(readonly customerId: string, readonly contactId: string, readonly context: CommandContext) {}
}
