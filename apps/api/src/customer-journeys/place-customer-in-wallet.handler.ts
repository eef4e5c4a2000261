import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { walletDecider, walletStreamId } from '@trilha/domain';
import type { CommandResult } from '../commands/command-result';
import { AggregateReader } from '../commands/aggregate-reader';
import { readJourneyOutline } from '../journeys/journey-outline';
import { PlaceCustomerInWalletCommand } from './customer-journey-commands';
import { CustomerJourneys } from './customer-journeys';

@CommandHandler(PlaceCustomerInWalletCommand)
export class PlaceCustomerInWalletHandler implements ICommandHandler<PlaceCustomerInWalletCommand, CommandResult> {
  constructor(private readonly journeys: CustomerJourneys, private readonly reader: AggregateReader) {}

  async execute({ customerId, walletId, context }: PlaceCustomerInWalletCommand): Promise<CommandResult> {
    const wallet = await this.reader.state(walletStreamId(walletId), walletDecider);
    const journey = wallet.status === 'created' && wallet.journeyId ? await readJourneyOutline(this.reader, wallet.journeyId) : undefined;
    const customerExists = await this.journeys.customerExists(customerId);
    return this.journeys.run(customerId, { type: 'PlaceCustomerInWallet', customerId, customerExists, walletId, wallet, journey }, context);
  }
}
