import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';

/** PUT /customers/:id/wallet (CS4, one by one). */
export class PlaceInWalletDto {
  @ApiProperty({ format: 'uuid', description: "The wallet; the customer enters its journey's first step" })
  @IsUUID() walletId!: string;
}

/** POST /customers/:id/stage (CS5 stage move, CS12 set the current step). */
export class MoveStageDto {
  @ApiProperty({ format: 'uuid', description: "A step of the customer's journey" })
  @IsUUID() stepId!: string;
}

/** POST /customers/:id/milestones/:milestoneId/complete (CS12). */
export class CompleteMilestoneDto {
  @ApiProperty({ format: 'date', maxLength: 10, example: '2026-03-12', description: 'The day it was completed; not in the future' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'completedOn must be a date YYYY-MM-DD' }) completedOn!: string;
}

/** POST /customers/:id/steps/:stepId/conclude (CS12). */
export class ConcludeStepDto {
  @ApiProperty({ format: 'date', maxLength: 10, example: '2026-03-12', description: 'The day the step was concluded; not in the future' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'concludedOn must be a date YYYY-MM-DD' }) concludedOn!: string;
}
