import { Inject, Injectable } from '@nestjs/common';
import { parsePosition } from '@trilha/event-store';
import { CALENDAR, CALENDAR_ACTIONS_COLLECTION, type CalendarActionDocument } from '@trilha/projections/calendar';
import { PortfolioReadModel } from '../authorization/portfolio-read-model';
import type { PortfolioScope } from '../authorization/portfolio-scope';
import { ReadModels } from '../read-models/read-models';
import { localDateOf, utcWindow } from './calendar-date';
import { CALENDAR_TIME_ZONE } from './calendar-time-zone';

export interface ActionsQuery {
  from: string;
  to: string;
  ownerId?: string;
  minPosition?: string;
  /** A broker sees the actions of their portfolio's customers only. */
  scope: PortfolioScope;
}

/** The calendar read model's actions on the local days from…to, in time order. */
@Injectable()
export class CalendarActions {
  constructor(
    private readonly readModels: ReadModels,
    private readonly portfolio: PortfolioReadModel,
    @Inject(CALENDAR_TIME_ZONE) readonly timeZone: string,
  ) {}

  async between({ from, to, ownerId, minPosition, scope }: ActionsQuery): Promise<CalendarActionDocument[]> {
    const position = minPosition ? parsePosition(minPosition) : undefined;
    if (position) await this.readModels.waitFor(CALENDAR, position);
    const actions = await this.readModels.collection<CalendarActionDocument>(CALENDAR, CALENDAR_ACTIONS_COLLECTION);
    const filter = {
      scheduledFor: utcWindow(from, to),
      ...(ownerId !== undefined ? { ownerId } : {}),
      ...(scope.kind === 'broker' ? { customerId: { $in: await this.portfolio.customerIds(scope.brokerId) } } : {}),
    };
    const found = await actions.find(filter, { sort: { scheduledFor: 1 } });
    return found.filter((action) => {
      const date = localDateOf(action.scheduledFor, this.timeZone);
      return date >= from && date <= to;
    });
  }
}
