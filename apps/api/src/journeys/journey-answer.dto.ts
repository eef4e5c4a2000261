import { ApiProperty } from '@nestjs/swagger';
import { CommandAnswerDto } from '../customers/command-answer.dto';

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Deadline in days from entering the step' }) days!: number;
}

export class StepDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
}

/** What POST /journeys answers: the command answer and the ids given to the steps and milestones. */
export class JourneyAnswerDto extends CommandAnswerDto {
  @ApiProperty({ type: [StepDto] }) steps!: StepDto[];
}
