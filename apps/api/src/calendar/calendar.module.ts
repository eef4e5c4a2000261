import { Module } from '@nestjs/common';
import { CalendarActions } from './calendar-actions';
import { CalendarController } from './calendar.controller';
import type { TrilhaConfig } from '../config/trilha-config';
import { TRILHA_CONFIG } from '../infrastructure/tokens';
import { CALENDAR_TIME_ZONE } from './calendar-time-zone';
import { GetCalendarDayHandler } from './get-calendar-day.query';
import { GetCalendarHandler } from './get-calendar.query';

@Module({
  controllers: [CalendarController],
  providers: [
    { provide: CALENDAR_TIME_ZONE, useFactory: (config: TrilhaConfig) => config.timeZone, inject: [TRILHA_CONFIG] },
    CalendarActions,
    GetCalendarHandler,
    GetCalendarDayHandler,
  ],
})
export class CalendarModule {}
