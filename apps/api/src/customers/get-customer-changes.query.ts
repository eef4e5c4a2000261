import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { AUDIT_CHANGES, AUDITED_CUSTOMERS_COLLECTION, CHANGES_COLLECTION, CHANGES_SORT, type ChangeDocument } from '@trilha/projections/audit-changes';
import { UnsupportedQueryError } from '@trilha/read-store';
import { BadRequestProblem, NotFoundProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import { DEFAULT_PAGE_SIZE } from './changes-page.query';
import type { CustomerChangesDto } from './customer-changes.dto';

export class GetCustomerChangesQuery {
  constructor(readonly customerId: string, readonly page: { limit?: number; cursor?: string; minPosition?: string }) {}
}

@QueryHandler(GetCustomerChangesQuery)
export class GetCustomerChangesHandler implements IQueryHandler<GetCustomerChangesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId, page }: GetCustomerChangesQuery): Promise<CustomerChangesDto> {
    const position = page.minPosition ? parsePosition(page.minPosition) : undefined;
    if (position) await this.readModels.waitFor(AUDIT_CHANGES, position);
    const customers = await this.readModels.collection(AUDIT_CHANGES, AUDITED_CUSTOMERS_COLLECTION);
    if (!(await customers.findOne({ _id: customerId }))) throw new NotFoundProblem(`Customer ${customerId} does not exist`);

    const changes = await this.readModels.collection<ChangeDocument>(AUDIT_CHANGES, CHANGES_COLLECTION);
    try {
      const found = await changes.findPage({ customerId }, { sort: { ...CHANGES_SORT }, limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
      return {
        items: found.items.map(({ at, actor, field, from, to, eventId }) => ({ at, actor, field, from, to, eventId })),
        nextCursor: found.nextCursor,
      };
    } catch (error) {
      if (error instanceof UnsupportedQueryError && page.cursor !== undefined) throw new BadRequestProblem('cursor', 'cursor must be the nextCursor of an earlier page');
      throw error;
    }
  }
}
