import { Module } from '@nestjs/common';
import { AggregateReader } from './aggregate-reader';
import { DefineJourneyHandler } from './define-journey.handler';
import { JourneysController } from './journeys.controller';

/** CS2 journeys. Exports the AggregateReader that the wallet and customer-journey commands share. */
@Module({
  controllers: [JourneysController],
  providers: [AggregateReader, DefineJourneyHandler],
  exports: [AggregateReader],
})
export class JourneysModule {}
