import { ApiProperty } from '@nestjs/swagger';
import { MaxLength } from 'class-validator';
import { IsDateOnly } from './follow-up-validators';

/** POST /follow-ups/:id/reschedule (CAL5). */
export class RescheduleFollowUpDto {
  @ApiProperty({ format: 'date', maxLength: 10, description: 'The new day; not before the contact date (422)', example: '2026-03-12' })
  @IsDateOnly() @MaxLength(10) nextContactOn!: string;
}
