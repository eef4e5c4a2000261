import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countsAsDone } from '@trilha/projections/calendar';
import { actionTitle } from './action-title';
import type { PortfolioScope } from '../authorization/portfolio-scope';
import { CalendarActions } from './calendar-actions';
import type { CalendarDayDetailDto } from './calendar.dto';
import { calendarTabOf, tabCounts, type CalendarTab } from './calendar-tab';

export class GetCalendarDayQuery {
  constructor(readonly date: string, readonly scope: PortfolioScope, readonly ownerId?: string, readonly minPosition?: string, readonly tab?: CalendarTab) {}
}

@QueryHandler(GetCalendarDayQuery)
export class GetCalendarDayHandler implements IQueryHandler<GetCalendarDayQuery> {
  constructor(private readonly actions: CalendarActions) {}

  async execute({ date, scope, ownerId, minPosition, tab }: GetCalendarDayQuery): Promise<CalendarDayDetailDto> {
    const actions = (await this.actions.between({ from: date, to: date, ownerId, minPosition, scope })).map(({ id, kind, customerId, notes, status }) => {
      const done = countsAsDone(status);
      return { id, kind, customerId, title: actionTitle(kind, notes), status, done, tab: calendarTabOf(kind, done) };
    });
    return {
      date,
      tabs: tabCounts(actions.map((action) => action.tab)),
      actions: tab === undefined ? actions : actions.filter((action) => action.tab === tab),
    };
  }
}
