import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { AddContactCommand, EditContactCommand, RemoveContactCommand } from './customer-contact-commands';
import { CustomerContacts } from './customer-contacts';

/** CS13. The contact's id derives from the command id, so a retried request finds the same contact. */
@CommandHandler(AddContactCommand)
export class AddContactHandler implements ICommandHandler<AddContactCommand, CommandResult> {
  constructor(private readonly contacts: CustomerContacts) {}

  execute({ customerId, body, context }: AddContactCommand): Promise<CommandResult> {
    const { primary, ...contact } = body;
    const contactId = entityIdFor(context.commandId, 'contact');
    return this.contacts.run({ type: 'AddContact', customerId, contactId, contact, ...(primary !== undefined ? { primary } : {}) }, context);
  }
}

@CommandHandler(EditContactCommand)
export class EditContactHandler implements ICommandHandler<EditContactCommand, CommandResult> {
  constructor(private readonly contacts: CustomerContacts) {}

  execute({ customerId, contactId, body, context }: EditContactCommand): Promise<CommandResult> {
    return this.contacts.run({ type: 'EditContact', customerId, contactId, changes: { ...body } }, context);
  }
}

@CommandHandler(RemoveContactCommand)
export class RemoveContactHandler implements ICommandHandler<RemoveContactCommand, CommandResult> {
  constructor(private readonly contacts: CustomerContacts) {}

  execute({ customerId, contactId, context }: RemoveContactCommand): Promise<CommandResult> {
    return this.contacts.run({ type: 'RemoveContact', customerId, contactId }, context);
  }
}
