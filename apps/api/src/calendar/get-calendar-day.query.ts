import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countsAsDone, isFollowUpAction, type CalendarActionDocument } from '@trilha/projections/calendar';
import { actionTitle, followUpTitle } from './action-title';
import type { PortfolioScope } from '../authorization/portfolio-scope';
import { CalendarActions } from './calendar-actions';
import type { CalendarActionDto, CalendarDayDetailDto } from './calendar.dto';
import { calendarTabOf, tabCounts, type CalendarTab } from './calendar-tab';

export class GetCalendarDayQuery {
  constructor(readonly date: string, readonly scope: PortfolioScope, readonly ownerId?: string, readonly minPosition?: string, readonly tab?: CalendarTab) {}
}

@QueryHandler(GetCalendarDayQuery)
export class GetCalendarDayHandler implements IQueryHandler<GetCalendarDayQuery> {
  constructor(private readonly actions: CalendarActions) {}

  async execute({ date, scope, ownerId, minPosition, tab }: GetCalendarDayQuery): Promise<CalendarDayDetailDto> {
    const actions = (await this.actions.between({ from: date, to: date, ownerId, minPosition, scope })).map(actionOnDay);
    return {
      date,
      tabs: tabCounts(actions.map((action) => action.tab)),
      actions: tab === undefined ? actions : actions.filter((action) => action.tab === tab),
    };
  }
}

function actionOnDay(action: CalendarActionDocument): CalendarActionDto & { tab: CalendarTab } {
  const { id, kind, status } = action;
  const done = countsAsDone(status);
  const tab = calendarTabOf(kind, done);
  if (isFollowUpAction(action)) return { id, kind, customerId: null, title: followUpTitle(action.name, action.contactName), status, done, tab };
  return { id, kind, customerId: action.customerId, title: actionTitle(action.kind, action.notes), status, done, tab };
}
