import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { CUSTOMER_NOTES, NOTED_CUSTOMERS_COLLECTION, NOTES_COLLECTION, NOTES_SORT, type NoteDocument } from '@trilha/projections/customer-notes';
import { UnsupportedQueryError } from '@trilha/read-store';
import { BadRequestProblem, NotFoundProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import { DEFAULT_PAGE_SIZE } from './changes-page.query';
import type { CustomerNotesPageDto } from './notes.dto';

export class GetCustomerNotesQuery {
  constructor(readonly customerId: string, readonly page: { limit?: number; cursor?: string; minPosition?: string }) {}
}

/** T15: a page of a customer's notes, newest first. */
@QueryHandler(GetCustomerNotesQuery)
export class GetCustomerNotesHandler implements IQueryHandler<GetCustomerNotesQuery, CustomerNotesPageDto> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId, page }: GetCustomerNotesQuery): Promise<CustomerNotesPageDto> {
    const position = page.minPosition ? parsePosition(page.minPosition) : undefined;
    if (position) await this.readModels.waitFor(CUSTOMER_NOTES, position);
    const customers = await this.readModels.collection(CUSTOMER_NOTES, NOTED_CUSTOMERS_COLLECTION);
    if (!(await customers.findOne({ _id: customerId }))) throw new NotFoundProblem(`Customer ${customerId} does not exist`);

    const notes = await this.readModels.collection<NoteDocument>(CUSTOMER_NOTES, NOTES_COLLECTION);
    try {
      const found = await notes.findPage({ customerId }, { sort: { ...NOTES_SORT }, limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
      return { items: found.items.map(({ _id, text, at, author }) => ({ id: _id, text, at, author })), nextCursor: found.nextCursor };
    } catch (error) {
      if (error instanceof UnsupportedQueryError && page.cursor !== undefined) throw new BadRequestProblem('cursor', 'cursor must be the nextCursor of an earlier page');
      throw error;
    }
  }
}
