import { Module } from '@nestjs/common';
import { CalendarActions } from './calendar-actions';
import { CalendarController } from './calendar.controller';
import { CALENDAR_TIME_ZONE, calendarTimeZoneFrom } from './calendar-time-zone';
import { GetCalendarDayHandler } from './get-calendar-day.query';
import { GetCalendarHandler } from './get-calendar.query';

@Module({
  controllers: [CalendarController],
  providers: [
    { provide: CALENDAR_TIME_ZONE, useFactory: () => calendarTimeZoneFrom(process.env) },
    CalendarActions,
    GetCalendarHandler,
    GetCalendarDayHandler,
  ],
})
export class CalendarModule {}
