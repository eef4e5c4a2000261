import { Module } from '@nestjs/common';
import { AddContactHandler, EditContactHandler, RemoveContactHandler } from './contact-handlers';
import { CustomerContacts } from './customer-contacts';
import { CustomerContactsController } from './customer-contacts.controller';
import { GetCustomerContactsHandler } from './get-customer-contacts.query';

@Module({
  controllers: [CustomerContactsController],
  providers: [CustomerContacts, AddContactHandler, EditContactHandler, RemoveContactHandler, GetCustomerContactsHandler],
})
export class CustomerContactsModule {}
