import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches, IsOptional } from 'class-validator';

/** `?minPosition=`: wait (≤ 5 s) until the read model has reached a command's position. */
export class MinPositionQueryDto {
  @ApiPropertyOptional({ description: 'A position from a command answer', example: '42', maxLength: 41, pattern: '^\\d{1,20}(/\\d{1,20})?$' })
  @IsOptional()
  @Matches(/^\d{1,20}(\/\d{1,20})?$/, { message: 'minPosition must be a position from a command answer' })
  minPosition?: string;
}
