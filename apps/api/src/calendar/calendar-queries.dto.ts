import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
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
