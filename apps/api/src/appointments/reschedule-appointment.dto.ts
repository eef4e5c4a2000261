import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from './is-instant.decorator';
import { INSTANT_DESCRIPTION } from './schedule-appointment.dto';

/** POST /appointments/:id/reschedule (AS3). */
export class RescheduleAppointmentDto {
  @ApiProperty({ format: 'date-time', description: INSTANT_DESCRIPTION, example: '2026-03-12T09:00:00-03:00' })
  @IsInstant() scheduledFor!: string;
}
