import { Module } from '@nestjs/common';
import { CustomerJourneysModule } from '../customer-journeys/customer-journeys.module';
import { JourneysModule } from '../journeys/journeys.module';
import { WalletsModule } from './wallets.module';

/** Customer success (seed 002): journeys, wallets, a customer's place in them, the wallet board. */
@Module({ imports: [JourneysModule, WalletsModule, CustomerJourneysModule] })
export class CustomerSuccessModule {}
