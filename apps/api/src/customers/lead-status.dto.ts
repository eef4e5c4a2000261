import { ApiProperty } from '@nestjs/swagger';
import { IsIn, MaxLength } from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from '@trilha/domain';
import { IsInstant } from '../appointments/is-instant.decorator';
import { INSTANT_MAX } from '../appointments/schedule-appointment.dto';

/** Bodies of the lead status commands (T14). */

const STATUS_DESCRIPTION = 'new, in progress, sale or no sale (seed 001’s four states)';

export class ChangeLeadStatusDto {
  @ApiProperty({ enum: LEAD_STATUSES, description: STATUS_DESCRIPTION }) @IsIn(LEAD_STATUSES) status!: LeadStatus;
}

export class ScheduleLeadStatusChangeDto {
  @ApiProperty({ enum: LEAD_STATUSES, description: `The status the lead takes at \`at\`: ${STATUS_DESCRIPTION}` }) @IsIn(LEAD_STATUSES) status!: LeadStatus;

  @ApiProperty({
    format: 'date-time',
    maxLength: INSTANT_MAX,
    description: 'When the change happens: ISO 8601 date and time with an offset (stored in UTC); must be in the future',
    example: '2026-03-12T14:00:00-03:00',
  })
  @IsInstant() @MaxLength(INSTANT_MAX) at!: string;
}
