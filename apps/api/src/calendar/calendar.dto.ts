import { ApiProperty } from '@nestjs/swagger';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, FOLLOW_UP_STATUSES } from '@trilha/domain';
import { OPPORTUNITY_KIND } from '@trilha/projections/calendar';
import { CALENDAR_TABS } from './calendar-tab';

export class CalendarDayDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ description: 'Actions on the day' }) total!: number;
  @ApiProperty({ description: 'Of them, done (appointments confirmed, success or lost; follow-ups resolved by call or emailed)' }) done!: number;
  @ApiProperty({ enum: ['green', 'orange', 'red'], description: 'green = all done, orange = some, red = none' }) color!: string;
}

/** GET /calendar: the days from…to that have at least one action (CAL2). */
export class CalendarDto {
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
}

export class CalendarActionDto {
  @ApiProperty({ format: 'uuid', description: 'The appointment, or the follow-up when kind is opportunity (act on it at /follow-ups/:id/…)' }) id!: string;
  @ApiProperty({ enum: [...APPOINTMENT_KINDS, OPPORTUNITY_KIND], description: 'opportunity: a follow-up added from the calendar (CAL6)' }) kind!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for an opportunity, which is not a customer of the base' }) customerId!: string | null;
  @ApiProperty({ description: 'Kind (pt-BR) and the first line of the notes; for an opportunity, its name and contact' }) title!: string;
  @ApiProperty({ enum: [...APPOINTMENT_STATUSES, ...FOLLOW_UP_STATUSES], description: 'An appointment’s (scheduled … lost) or a follow-up’s (open, resolved_by_call, email_sent)' }) status!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty({ enum: CALENDAR_TABS, description: 'The tab it shows under: done once done, else by kind' }) tab!: string;
}

/** How many of the day's actions each tab holds (CAL3). */
export class CalendarTabCountsDto {
  @ApiProperty({ type: 'integer', description: 'Follow-ups of product sales' }) orders!: number;
  @ApiProperty({ type: 'integer' }) services!: number;
  @ApiProperty({ type: 'integer', description: 'Follow-ups, visits, tasks and reminders booked by hand, and opportunities added from the calendar' }) follow_up!: number;
  @ApiProperty({ type: 'integer' }) birthday!: number;
  @ApiProperty({ type: 'integer' }) done!: number;
}

/** GET /calendar/:date: the day's actions in time order (CAL3). */
export class CalendarDayDetailDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: CalendarTabCountsDto, description: "Every tab's count of the day's actions, whatever ?tab= asks" }) tabs!: CalendarTabCountsDto;
  @ApiProperty({ type: [CalendarActionDto], description: 'In time order; only those of ?tab= when given' }) actions!: CalendarActionDto[];
}
