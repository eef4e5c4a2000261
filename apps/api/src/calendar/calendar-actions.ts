import { Inject, Injectable } from '@nestjs/common';
import { parsePosition } from '@trilha/event-store';
import { CALENDAR, CALENDAR_ACTIONS_COLLECTION, type AppointmentActionDocument, type CalendarActionDocument, type FollowUpActionDocument } from '@trilha/projections/calendar';
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

export interface DatedAction {
  action: CalendarActionDocument;
  /** The local date (`YYYY-MM-DD`) of `scheduledFor` in the calendar's time zone. */
  date: string;
}

/** The calendar read model's actions on the local days from…to, in time order. */
@Injectable()
export class CalendarActions {
  constructor(
    private readonly readModels: ReadModels,
    private readonly portfolio: PortfolioReadModel,
    @Inject(CALENDAR_TIME_ZONE) readonly timeZone: string,
  ) {}

  async between(query: ActionsQuery): Promise<CalendarActionDocument[]> {
    return (await this.datedBetween(query)).map(({ action }) => action);
  }

  /**
   * `between`, each action with the local date it falls on (worked out once per action); in
   * time order, or in any order when the caller only counts them (`order: 'any'`).
   */
  async datedBetween(query: ActionsQuery, order: 'time' | 'any' = 'time'): Promise<DatedAction[]> {
    const position = query.minPosition ? parsePosition(query.minPosition) : undefined;
    if (position) await this.readModels.waitFor(CALENDAR, position);
    const dated = [...(await this.appointments(query, order)), ...(await this.followUps(query, order))];
    // A day's appointments in time order, then its follow-ups, which have a day but no time (stable sort).
    return order === 'any' ? dated : dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  private async appointments({ from, to, ownerId, scope }: ActionsQuery, order: 'time' | 'any'): Promise<DatedAction[]> {
    const actions = await this.readModels.collection<AppointmentActionDocument>(CALENDAR, CALENDAR_ACTIONS_COLLECTION);
    const filter = {
      scheduledFor: utcWindow(from, to),
      ...(ownerId !== undefined ? { ownerId } : {}),
      ...(scope.kind === 'broker' ? { customerId: { $in: await this.portfolio.customerIds(scope.brokerId) } } : {}),
    };
    const found = await actions.find(filter, order === 'any' ? { anyOrder: true } : { sort: { scheduledFor: 1 } });
    const dated: DatedAction[] = [];
    for (const action of found) {
      const date = localDateOf(action.scheduledFor, this.timeZone);
      if (date >= from && date <= to) dated.push({ action, date });
    }
    return dated;
  }

  /** Follow-up opportunities on their next contact date; a broker sees the ones they registered (ADR 0037). */
  private async followUps({ from, to, ownerId, scope }: ActionsQuery, order: 'time' | 'any'): Promise<DatedAction[]> {
    const owner = scope.kind === 'broker' ? scope.brokerId : ownerId;
    if (scope.kind === 'broker' && ownerId !== undefined && ownerId !== scope.brokerId) return [];
    const actions = await this.readModels.collection<FollowUpActionDocument>(CALENDAR, CALENDAR_ACTIONS_COLLECTION);
    const filter = { on: { $gte: from, $lte: to }, ...(owner !== undefined ? { ownerId: owner } : {}) };
    const found = await actions.find(filter, order === 'any' ? { anyOrder: true } : { sort: { on: 1, _id: 1 } });
    return found.map((action) => ({ action, date: action.on }));
  }
}
