import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countsAsDone } from '@trilha/projections/calendar';
import { actionTitle } from './action-title';
import type { PortfolioScope } from '../authorization/portfolio-scope';
import { CalendarActions } from './calendar-actions';
import type { CalendarDayDetailDto } from './calendar.dto';

export class GetCalendarDayQuery {
  constructor(readonly date: string, readonly scope: PortfolioScope, readonly ownerId?: string, readonly minPosition?: string) {}
}

@QueryHandler(GetCalendarDayQuery)
export class GetCalendarDayHandler implements IQueryHandler<GetCalendarDayQuery> {
  constructor(private readonly actions: CalendarActions) {}

  async execute({ date, scope, ownerId, minPosition }: GetCalendarDayQuery): Promise<CalendarDayDetailDto> {
    const actions = await this.actions.between({ from: date, to: date, ownerId, minPosition, scope });
    return {
      date,
      actions: actions.map(({ id, kind, customerId, notes, status }) => ({
        id,
        kind,
        customerId,
        title: actionTitle(kind, notes),
        status,
        done: countsAsDone(status),
      })),
    };
  }
}
