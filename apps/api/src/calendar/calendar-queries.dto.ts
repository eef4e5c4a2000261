import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CALENDAR_TABS, type CalendarTab } from './calendar-tab';
import { MinPositionQueryDto } from '../read-models/min-position.query';
import { IsCalendarDate } from './is-calendar-date.decorator';

/** The longest range one request may ask for: a leap year. */
export const MAX_CALENDAR_RANGE_DAYS = 366;

/** `?ownerId=`: one user's calendar; without it, everyone's. */
export class CalendarDayQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ maxLength: 128, description: 'The responsible user; omit for everyone’s actions' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(128) ownerId?: string;
}

export class CalendarRangeQueryDto extends CalendarDayQueryDto {
  @ApiProperty({ format: 'date', maxLength: 10, example: '2026-03-01', description: 'First day (inclusive)' }) @IsCalendarDate() from!: string;

  @ApiProperty({ format: 'date', maxLength: 10, example: '2026-03-31', description: `Last day (inclusive); from…to spans at most ${MAX_CALENDAR_RANGE_DAYS} days` })
  @IsCalendarDate() to!: string;
}

/** `GET /calendar/:date`: also `?tab=`, one tab of the day (CAL3). */
export class CalendarDayDetailQueryDto extends CalendarDayQueryDto {
  @ApiPropertyOptional({ enum: CALENDAR_TABS, description: 'Only the actions of this tab; the counts still cover every tab' })
  @IsOptional() @IsIn(CALENDAR_TABS, { message: `tab must be one of ${CALENDAR_TABS.join(', ')}` }) tab?: CalendarTab;
}
