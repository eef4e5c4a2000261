import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { CUSTOMER_DETAIL, CUSTOMERS_COLLECTION, type CustomerDetailDocument } from '@trilha/projections/customer-detail';
import { customerMarkerView } from '../markers/customer-marker-view';
import { NotFoundProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import type { CustomerDetailDto } from './customer-detail.dto';

/** T12: stored by exception for updates; listed oldest first (then by name, for one instant). */
function exceptionsOf(held: CustomerDetailDocument['portfolioExceptions'] = {}) {
  return Object.entries(held)
    .flatMap(([exception, set]) => (set ? [{ exception, ...set }] : []))
    .sort((a, b) => a.since.localeCompare(b.since) || a.exception.localeCompare(b.exception));
}

export class GetCustomerQuery {
  constructor(readonly customerId: string, readonly minPosition?: string) {}
}

@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId, minPosition }: GetCustomerQuery): Promise<CustomerDetailDto> {
    const position = minPosition ? parsePosition(minPosition) : undefined;
    if (position) await this.readModels.waitFor(CUSTOMER_DETAIL, position);
    const customers = await this.readModels.collection<CustomerDetailDocument>(CUSTOMER_DETAIL, CUSTOMERS_COLLECTION);
    const doc = await customers.findOne({ _id: customerId });
    if (!doc) throw new NotFoundProblem(`Customer ${customerId} does not exist`);
    const { _id, _pos, proposals, markerId, scheduledLeadStatus, rating, nonCustomer, portfolioExceptions, outOfPortfolio: _reasons, ...detail } = doc;
    // Stored by id for updates; listed oldest first (the id breaks ties within one instant).
    const list = Object.values(proposals ?? {}).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const scheduled = scheduledLeadStatus ? { to: scheduledLeadStatus.to, at: scheduledLeadStatus.at } : null;
    return {
      ...detail,
      rating: rating ?? null,
      scheduledLeadStatus: scheduled,
      proposals: list,
      marker: await customerMarkerView(this.readModels, markerId),
      nonCustomer: nonCustomer ? { ...nonCustomer, note: nonCustomer.note ?? null } : null,
      portfolioExceptions: exceptionsOf(portfolioExceptions),
    };
  }
}
