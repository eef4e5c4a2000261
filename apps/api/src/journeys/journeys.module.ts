import { Module } from '@nestjs/common';
import { DefineJourneyHandler } from './define-journey.handler';
import { JourneysController } from './journeys.controller';

/** CS2 journeys. */
@Module({
  controllers: [JourneysController],
  providers: [DefineJourneyHandler],
})
export class JourneysModule {}
