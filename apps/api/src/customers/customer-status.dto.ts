import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MOMENT_MAX, OBJECTIVE_MAX, PRODUCT_ID_MAX, TEMPERATURES, type Temperature } from '@trilha/domain';
import { NotBlank } from './not-blank';

/** Bodies of the status commands (T3, T4). */

export class ChangeTemperatureDto {
  @ApiProperty({ enum: TEMPERATURES }) @IsIn(TEMPERATURES) temperature!: Temperature;
}

export class ChangeObjectiveDto {
  @ApiProperty({ maxLength: OBJECTIVE_MAX, description: 'The customer’s purchase objective, e.g. "morar" or "investir"' })
  @IsString() @NotBlank() @MaxLength(OBJECTIVE_MAX) objective!: string;
}

export class ChangeMomentDto {
  @ApiProperty({ maxLength: MOMENT_MAX, example: 'research' }) @IsString() @NotBlank() @MaxLength(MOMENT_MAX) moment!: string;
  @ApiPropertyOptional({ maxLength: MOMENT_MAX, description: 'Left out: the moment has no sub-moment' })
  @IsOptional() @IsString() @NotBlank() @MaxLength(MOMENT_MAX) subMoment?: string;
}

export class ChangeProductOfInterestDto {
  @ApiProperty({ maxLength: PRODUCT_ID_MAX }) @IsString() @NotBlank() @MaxLength(PRODUCT_ID_MAX) productId!: string;
}
