import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LOSS_REASON_MAX } from '@trilha/domain';

/** POST /appointments/:id/lost (AS5). */
export class LoseAppointmentDto {
  @ApiProperty({ maxLength: LOSS_REASON_MAX, description: 'Why it was lost, e.g. "could not reach the customer"' })
  @IsString() @Matches(/\S/, { message: 'reason is required' }) @MaxLength(LOSS_REASON_MAX) reason!: string;

  @ApiPropertyOptional({
    default: false,
    description: "Also lose the customer's other open appointments scheduled later than this one (admin or manager only)",
  })
  @IsOptional() @IsBoolean() loseFutureCycle?: boolean;
}
