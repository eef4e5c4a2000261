import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { MILESTONE_PROGRESS, STEP_PROGRESS, type MilestoneProgress, type StepProgress } from '@trilha/projections/journey-progress';
import { nullableRef } from '../platform/openapi/nullable';

const DAY = { type: String, format: 'date', nullable: true } as const;

export class MilestoneProgressDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: 'Days after entering the step it is due' }) days!: number;
  @ApiProperty({ ...DAY, description: 'The day it is due; null while its step was never entered' }) dueOn!: string | null;
  @ApiProperty({ ...DAY }) completedOn!: string | null;
  @ApiProperty({ enum: MILESTONE_PROGRESS, description: 'completed_on_time shows green, completed_late red' }) status!: MilestoneProgress;
}

export class StepProgressDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "The customer's current step" }) current!: boolean;
  @ApiProperty({ ...DAY, description: 'The day the customer last entered the step' }) enteredOn!: string | null;
  @ApiProperty({ ...DAY, description: "The step's final deadline (its last milestone's due day)" }) dueOn!: string | null;
  @ApiProperty({ ...DAY }) concludedOn!: string | null;
  @ApiProperty({ enum: STEP_PROGRESS, description: 'concluded_on_time shows green, concluded_late red' }) status!: StepProgress;
  @ApiProperty({ type: [MilestoneProgressDto] }) milestones!: MilestoneProgressDto[];
}

export class JourneyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** GET /customers/:id/journey (CS12, the customer 360's journey section). */
@ApiExtraModels(JourneyRefDto)
export class JourneyProgressDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null while the customer is in no wallet' }) walletId!: string | null;
  @ApiProperty({ ...nullableRef(JourneyRefDto), description: 'null when the customer is in no wallet, or in one without a journey' }) journey!: JourneyRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) currentStepId!: string | null;
  @ApiProperty({ type: [StepProgressDto], description: "The journey's steps in order" }) steps!: StepProgressDto[];
}
