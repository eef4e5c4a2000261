import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import {
  labelKeysOf,
  TIMELINE,
  TIMELINE_CUSTOMERS,
  TIMELINE_ENTRIES,
  TIMELINE_LABELS,
  TIMELINE_SORT,
  timelineItem,
  type ActorKind,
  type TimelineEntryDocument,
  type TimelineLabelDocument,
  type TimelineType,
} from '@trilha/projections/timeline';
import { UnsupportedQueryError, type Filter } from '@trilha/read-store';
import type { TrilhaConfig } from '../config/trilha-config';
import { DEFAULT_PAGE_SIZE } from '../customers/changes-page.query';
import { TRILHA_CONFIG } from '../infrastructure/tokens';
import { BadRequestProblem, NotFoundProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import type { TimelinePageDto } from './timeline.dto';
import { isEmptyPeriod, periodBounds } from './timeline-period';

export interface TimelineFilters {
  types?: TimelineType[];
  actor?: ActorKind;
  from?: string;
  to?: string;
}

export class GetCustomerTimelineQuery {
  constructor(
    readonly customerId: string,
    readonly filters: TimelineFilters,
    readonly page: { limit?: number; cursor?: string; minPosition?: string },
  ) {}
}

/** Reads a page of entries, then the names they refer to, and words them (T18). */
@QueryHandler(GetCustomerTimelineQuery)
export class GetCustomerTimelineHandler implements IQueryHandler<GetCustomerTimelineQuery, TimelinePageDto> {
  constructor(private readonly readModels: ReadModels, @Inject(TRILHA_CONFIG) private readonly config: TrilhaConfig) {}

  async execute({ customerId, filters, page }: GetCustomerTimelineQuery): Promise<TimelinePageDto> {
    const filter = this.filterOf(customerId, filters);
    const position = page.minPosition ? parsePosition(page.minPosition) : undefined;
    if (position) await this.readModels.waitFor(TIMELINE, position);
    const customers = await this.readModels.collection(TIMELINE, TIMELINE_CUSTOMERS);
    if (!(await customers.findOne({ _id: customerId }))) throw new NotFoundProblem(`Customer ${customerId} does not exist`);

    const entries = await this.readModels.collection<TimelineEntryDocument>(TIMELINE, TIMELINE_ENTRIES);
    const found = await entries.findPage(filter, { sort: { ...TIMELINE_SORT }, limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor }).catch((error: unknown) => {
      if (error instanceof UnsupportedQueryError && page.cursor !== undefined) throw new BadRequestProblem('cursor', 'cursor must be the nextCursor of an earlier page');
      throw error;
    });
    const labels = await this.labelsOf(found.items);
    return {
      items: found.items.map((doc) => timelineItem(doc, labels, { timeZone: this.config.timeZone })),
      nextCursor: found.nextCursor,
    };
  }

  private filterOf(customerId: string, { types, actor, from, to }: TimelineFilters): Filter {
    const filter: Filter = { customerId };
    if (types) filter.type = { $in: [...new Set(types)] };
    if (actor) filter['actor.kind'] = actor;
    if (from !== undefined || to !== undefined) {
      const at = periodBounds({ from, to }, this.config.timeZone);
      if (isEmptyPeriod(at)) throw new BadRequestProblem('to', 'to must not be before from');
      filter.at = at;
    }
    return filter;
  }

  private async labelsOf(docs: TimelineEntryDocument[]): Promise<Map<string, unknown>> {
    const keys = labelKeysOf(docs);
    if (keys.length === 0) return new Map();
    const labels = await this.readModels.collection<TimelineLabelDocument>(TIMELINE, TIMELINE_LABELS);
    return new Map((await labels.find({ _id: { $in: keys } })).map((label) => [label._id, label.value]));
  }
}
