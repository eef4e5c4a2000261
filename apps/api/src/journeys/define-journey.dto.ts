import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { JOURNEY_NAME_MAX, JOURNEY_STEPS_MAX, MILESTONE_DAYS_MAX, STEP_MILESTONES_MAX } from '@trilha/domain';

const NotBlank = () => Matches(/\S/, { message: ({ property }) => `${property} must not be blank` });

export class MilestoneInputDto {
  @ApiProperty({ maxLength: JOURNEY_NAME_MAX, example: 'Objetivo 1' })
  @IsString() @NotBlank() @MaxLength(JOURNEY_NAME_MAX) name!: string;

  @ApiProperty({ type: 'integer', description: 'Deadline in whole days, counted from the day the customer enters the step', minimum: 0, maximum: MILESTONE_DAYS_MAX, example: 2 })
  @IsInt() @Min(0) @Max(MILESTONE_DAYS_MAX) days!: number;
}

export class StepInputDto {
  @ApiProperty({ maxLength: JOURNEY_NAME_MAX, example: 'Definir um objetivo' })
  @IsString() @NotBlank() @MaxLength(JOURNEY_NAME_MAX) name!: string;

  @ApiProperty({ type: [MilestoneInputDto], maxItems: STEP_MILESTONES_MAX, description: 'Success milestones of the step (may be empty)' })
  @IsArray() @ArrayMaxSize(STEP_MILESTONES_MAX) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => MilestoneInputDto) milestones!: MilestoneInputDto[];
}

/** POST /journeys (CS2). */
export class DefineJourneyDto {
  @ApiProperty({ maxLength: JOURNEY_NAME_MAX, example: 'Jornada da felicidade' })
  @IsString() @NotBlank() @MaxLength(JOURNEY_NAME_MAX) name!: string;

  @ApiProperty({ type: [StepInputDto], minItems: 1, maxItems: JOURNEY_STEPS_MAX, description: 'The ordered steps' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(JOURNEY_STEPS_MAX) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => StepInputDto) steps!: StepInputDto[];
}
