import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarActions, type ActionsQuery } from './calendar-actions';
import type { CalendarDto } from './calendar.dto';
import { summarizeDatedDays } from './day-summary';

export class GetCalendarQuery {
  constructor(readonly range: ActionsQuery) {}
}

@QueryHandler(GetCalendarQuery)
export class GetCalendarHandler implements IQueryHandler<GetCalendarQuery> {
  constructor(private readonly actions: CalendarActions) {}

  async execute({ range }: GetCalendarQuery): Promise<CalendarDto> {
    // Colors are worked out now, from the stored statuses, never kept in the read model.
    return { days: summarizeDatedDays(await this.actions.datedBetween(range, 'any')) };
  }
}
