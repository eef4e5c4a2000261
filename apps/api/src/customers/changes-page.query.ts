import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MinPositionQueryDto } from '../read-models/min-position.query';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `?limit=&cursor=` (API.md list convention) and `?minPosition=`. */
export class ChangesPageQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;

  @ApiPropertyOptional({ maxLength: 2048, description: 'The nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(2048) cursor?: string;
}
