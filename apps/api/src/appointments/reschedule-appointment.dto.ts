import { ApiProperty } from '@nestjs/swagger';
import { MaxLength } from 'class-validator';
import { IsInstant } from './is-instant.decorator';
import { INSTANT_DESCRIPTION, INSTANT_MAX } from './schedule-appointment.dto';

/** POST /appointments/:id/reschedule (AS3). */
export class RescheduleAppointmentDto {
  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX, description: INSTANT_DESCRIPTION, example: '2026-03-12T09:00:00-03:00' })
  @IsInstant() @MaxLength(INSTANT_MAX) scheduledFor!: string;
}
