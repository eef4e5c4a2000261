import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { CONTACTED_CUSTOMERS_COLLECTION, CONTACTS_COLLECTION, CONTACTS_SORT, CUSTOMER_CONTACTS, LIVE_CONTACTS, type ContactDocument } from '@trilha/projections/customer-contacts';
import { UnsupportedQueryError } from '@trilha/read-store';
import { BadRequestProblem, NotFoundProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import { DEFAULT_PAGE_SIZE } from '../customers/changes-page.query';
import type { ContactDto, CustomerContactsPageDto } from './contacts.dto';

export class GetCustomerContactsQuery {
  constructor(readonly customerId: string, readonly page: { limit?: number; cursor?: string; minPosition?: string }) {}
}

/** CS13: a page of a customer's contacts, the primary one first. */
@QueryHandler(GetCustomerContactsQuery)
export class GetCustomerContactsHandler implements IQueryHandler<GetCustomerContactsQuery, CustomerContactsPageDto> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId, page }: GetCustomerContactsQuery): Promise<CustomerContactsPageDto> {
    const position = page.minPosition ? parsePosition(page.minPosition) : undefined;
    if (position) await this.readModels.waitFor(CUSTOMER_CONTACTS, position);
    const customers = await this.readModels.collection(CUSTOMER_CONTACTS, CONTACTED_CUSTOMERS_COLLECTION);
    if (!(await customers.findOne({ _id: customerId }))) throw new NotFoundProblem(`Customer ${customerId} does not exist`);

    const contacts = await this.readModels.collection<ContactDocument>(CUSTOMER_CONTACTS, CONTACTS_COLLECTION);
    try {
      const found = await contacts.findPage(LIVE_CONTACTS(customerId), { sort: { ...CONTACTS_SORT }, limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
      return { items: found.items.map(contactOf), nextCursor: found.nextCursor };
    } catch (error) {
      if (error instanceof UnsupportedQueryError && page.cursor !== undefined) throw new BadRequestProblem('cursor', 'cursor must be the nextCursor of an earlier page');
      throw error;
    }
  }
}

function contactOf(doc: ContactDocument): ContactDto {
  return {
    id: doc._id,
    name: doc.name ?? '',
    role: doc.role ?? null,
    email: doc.email ?? null,
    phones: doc.phones ?? [],
    whatsapp: doc.whatsapp ?? null,
    primary: doc.primary,
    addedAt: doc.addedAt,
  };
}
