import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '../appointments/is-instant.decorator';

/** `?asOf=<instant>` or `?revision=<n>`: exactly one (checked by the route, which names both). */
export class CustomerStateQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 64,
    description: 'The state after every event that occurred at or before this instant (ISO 8601 with offset)',
    example: '2026-03-01T12:00:00Z',
  })
  @IsOptional() @IsString() @MaxLength(64) @IsInstant() asOf?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'The state right after the event at this stream revision', example: 3 })
  @IsOptional() @IsString() @Matches(/^\d{1,19}$/, { message: 'revision must be a non-negative integer' }) revision?: string;
}
