import { Module } from '@nestjs/common';
import { CompleteMilestoneHandler } from './complete-milestone.handler';
import { ConcludeStepHandler } from './conclude-step.handler';
import { GetJourneyProgressHandler } from './get-journey-progress.query';
import { CustomerJourneys } from './customer-journeys';
import { CustomerJourneysController } from './customer-journeys.controller';
import { MoveCustomerStageHandler } from './move-customer-stage.handler';
import { PlaceCustomerInWalletHandler } from './place-customer-in-wallet.handler';

@Module({
  controllers: [CustomerJourneysController],
  providers: [CustomerJourneys, PlaceCustomerInWalletHandler, MoveCustomerStageHandler, CompleteMilestoneHandler, ConcludeStepHandler, GetJourneyProgressHandler],
})
export class CustomerJourneysModule {}
