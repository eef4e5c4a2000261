import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { APPOINTMENT_KINDS, APPOINTMENT_NOTES_MAX, DEFAULT_APPOINTMENT_KIND, type AppointmentKind } from '@trilha/domain';
import { IsInstant } from './is-instant.decorator';

/** Longer than any ISO 8601 instant with an offset and fractional seconds. */
export const INSTANT_MAX = 64;

export const INSTANT_DESCRIPTION = 'ISO 8601 date and time with an offset (stored in UTC); must be in the future';

/** POST /appointments (AS2). */
export class ScheduleAppointmentDto {
  @ApiProperty({ format: 'uuid', description: 'The customer; must exist' }) @IsUUID() customerId!: string;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX, description: INSTANT_DESCRIPTION, example: '2026-03-10T14:30:00-03:00' })
  @IsInstant() @MaxLength(INSTANT_MAX) scheduledFor!: string;

  @ApiPropertyOptional({ maxLength: 128, description: 'The responsible user (whose calendar it is on); defaults to you' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(128) responsibleId?: string;

  @ApiPropertyOptional({ enum: APPOINTMENT_KINDS, default: DEFAULT_APPOINTMENT_KIND })
  @IsOptional() @IsIn(APPOINTMENT_KINDS) kind?: AppointmentKind;

  @ApiPropertyOptional({ maxLength: APPOINTMENT_NOTES_MAX }) @IsOptional() @IsString() @MaxLength(APPOINTMENT_NOTES_MAX) notes?: string;
}
