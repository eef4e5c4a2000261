import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { CUSTOMER_DETAIL, CUSTOMERS_COLLECTION } from '@trilha/projections/customer-detail';
import {
  JOURNEY_PROGRESS,
  journeyProgressView,
  noJourney,
  PROGRESS_CUSTOMERS,
  PROGRESS_JOURNEYS,
  type JourneyProgress,
  type ProgressCustomerDocument,
  type ProgressJourneyDocument,
} from '@trilha/projections/journey-progress';
import type { TrilhaConfig } from '../config/trilha-config';
import { CLOCK, TRILHA_CONFIG } from '../infrastructure/tokens';
import { NotFoundProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';

export class GetJourneyProgressQuery {
  constructor(readonly customerId: string, readonly minPosition?: string) {}
}

/** Reads the stored dates and computes on time and late with the injected clock, in the days of `TRILHA_TIMEZONE`. */
@QueryHandler(GetJourneyProgressQuery)
export class GetJourneyProgressHandler implements IQueryHandler<GetJourneyProgressQuery, JourneyProgress> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(TRILHA_CONFIG) private readonly config: TrilhaConfig,
  ) {}

  async execute({ customerId, minPosition }: GetJourneyProgressQuery): Promise<JourneyProgress> {
    const position = minPosition ? parsePosition(minPosition) : undefined;
    if (position) await Promise.all([this.readModels.waitFor(JOURNEY_PROGRESS, position), this.readModels.waitFor(CUSTOMER_DETAIL, position)]);
    const progress = await (await this.readModels.collection<ProgressCustomerDocument>(JOURNEY_PROGRESS, PROGRESS_CUSTOMERS)).findOne({ _id: customerId });
    if (!progress) {
      const customers = await this.readModels.collection(CUSTOMER_DETAIL, CUSTOMERS_COLLECTION);
      if (!(await customers.findOne({ _id: customerId }))) throw new NotFoundProblem(`Customer ${customerId} does not exist`);
      return noJourney(customerId, null);
    }
    const journeys = await this.readModels.collection<ProgressJourneyDocument>(JOURNEY_PROGRESS, PROGRESS_JOURNEYS);
    const journey = progress.journeyId ? await journeys.findOne({ _id: progress.journeyId }) : null;
    return journeyProgressView(progress, journey, { now: this.clock(), timeZone: this.config.timeZone });
  }
}
