import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { RATING_MAX, RATING_MIN } from '@trilha/domain';

/** T13: the lead's rating, a whole number of stars (0 = no star). */
export class ChangeRatingDto {
  @ApiProperty({ type: 'integer', minimum: RATING_MIN, maximum: RATING_MAX, example: 4, description: 'Stars, 0 to 5; 0 clears the stars' })
  @IsInt() @Min(RATING_MIN) @Max(RATING_MAX) rating!: number;
}
