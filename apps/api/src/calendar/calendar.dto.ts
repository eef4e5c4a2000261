import { ApiProperty } from '@nestjs/swagger';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from '@trilha/domain';

export class CalendarDayDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ description: 'Actions on the day' }) total!: number;
  @ApiProperty({ description: 'Of them, done (confirmed, success or lost)' }) done!: number;
  @ApiProperty({ enum: ['green', 'orange', 'red'], description: 'green = all done, orange = some, red = none' }) color!: string;
}

/** GET /calendar: the days from…to that have at least one action (CAL2). */
export class CalendarDto {
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
}

export class CalendarActionDto {
  @ApiProperty({ format: 'uuid', description: 'The appointment' }) id!: string;
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ description: 'Kind (pt-BR) and the first line of the notes' }) title!: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status!: string;
  @ApiProperty() done!: boolean;
}

/** GET /calendar/:date: the day's actions in time order (CAL3). */
export class CalendarDayDetailDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: [CalendarActionDto] }) actions!: CalendarActionDto[];
}
