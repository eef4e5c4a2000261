import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, BadRequestProblem, CurrentActor, type Actor } from '../platform';
import { portfolioScopeOf } from '../authorization/portfolio-scope';
import { daysBetween } from './calendar-date';
import { CalendarDatePipe } from './calendar-date.pipe';
import { CalendarDayDetailQueryDto, CalendarRangeQueryDto, MAX_CALENDAR_RANGE_DAYS } from './calendar-queries.dto';
import { CalendarDayDetailDto, CalendarDto } from './calendar.dto';
import { GetCalendarDayQuery } from './get-calendar-day.query';
import { GetCalendarQuery } from './get-calendar.query';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: CalendarDto, description: 'Days in the configured time zone (TRILHA_TIMEZONE) with at least one action' })
  @ApiProblems(400, 401)
  @ApiReadModelUnavailable()
  get(@Query() query: CalendarRangeQueryDto, @CurrentActor() actor: Actor): Promise<CalendarDto> {
    const span = daysBetween(query.from, query.to);
    if (span < 0) throw new BadRequestProblem('to', 'to must not be before from');
    if (span + 1 > MAX_CALENDAR_RANGE_DAYS) throw new BadRequestProblem('to', `from…to may span at most ${MAX_CALENDAR_RANGE_DAYS} days`);
    return this.queries.execute(new GetCalendarQuery({ from: query.from, to: query.to, ownerId: query.ownerId, minPosition: query.minPosition, scope: portfolioScopeOf(actor) }));
  }

  @Get(':date')
  @ApiParam({ name: 'date', type: String, format: 'date', example: '2026-03-10' })
  @ApiOkResponse({ type: CalendarDayDetailDto })
  @ApiProblems(400, 401)
  @ApiReadModelUnavailable()
  getDay(@Param('date', CalendarDatePipe) date: string, @Query() query: CalendarDayDetailQueryDto, @CurrentActor() actor: Actor): Promise<CalendarDayDetailDto> {
    return this.queries.execute(new GetCalendarDayQuery(date, portfolioScopeOf(actor), query.ownerId, query.minPosition, query.tab));
  }
}
