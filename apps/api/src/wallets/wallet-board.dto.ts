import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@trilha/projections/wallet-board';
import { nullableRef } from '../platform/openapi/nullable';
import { MinPositionQueryDto } from '../read-models/min-position.query';

/** `GET /wallets/:id/board?marker=&milestoneStatus=&minPosition=` */
export class WalletBoardQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ description: 'Only the cards of customers with this marker (CS6, a marker id of GET /markers); a deleted or unknown marker matches no card', maxLength: 128 })
  @IsOptional() @IsString() @MaxLength(128) marker?: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, description: 'Only cards whose current step has this milestone status' })
  @IsOptional() @IsIn(MILESTONE_STATUSES) milestoneStatus?: MilestoneStatus;
}

class ProgressDto {
  @ApiProperty({ type: 'integer', description: 'Milestones of the whole journey completed' }) done!: number;
  @ApiProperty({ type: 'integer', description: 'Milestones of the whole journey' }) total!: number;
}

export class BoardCardDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time', description: 'When the customer entered the current step' }) enteredStepAt!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Calendar days in the step (days of TRILHA_TIMEZONE), as of the query' }) daysInStep!: number;
  @ApiProperty({ description: "True (red) when daysInStep is past the step's deadline, its largest milestone deadline; false (grey) otherwise" })
  overdue!: boolean;
  @ApiProperty({ description: 'Moved from another wallet and not worked on since' }) isNew!: boolean;
  @ApiProperty({ enum: MILESTONE_STATUSES, description: "Status of the current step's milestones, as of the query" }) milestoneStatus!: MilestoneStatus;
  @ApiProperty({ type: ProgressDto }) progress!: ProgressDto;
}

export class BoardColumnDto {
  @ApiProperty({ format: 'uuid' }) stepId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [BoardCardDto] }) cards!: BoardCardDto[];
}

class JourneyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** CS5: the wallet board. */
@ApiExtraModels(JourneyRefDto)
export class WalletBoardDto {
  @ApiProperty({ format: 'uuid' }) walletId!: string;
  @ApiProperty({ ...nullableRef(JourneyRefDto), description: 'Null while the wallet has no journey; there are no columns then' })
  journey!: JourneyRefDto | null;
  @ApiProperty({ type: 'integer', description: 'Customers in the wallet, whatever the filters' }) total!: number;
  @ApiProperty({ type: [BoardColumnDto], description: "The journey's steps in order" }) columns!: BoardColumnDto[];
}
