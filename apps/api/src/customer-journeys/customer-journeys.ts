import { Injectable } from '@nestjs/common';
import {
  customerDecider,
  requireLiveCustomer,
  customerJourneyDecider,
  customerJourneyStreamId,
  customerStreamId,
  type CustomerJourneyCommand,
  type JourneyOutline,
} from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { AggregateReader } from '../commands/aggregate-reader';
import { readJourneyOutline } from '../journeys/journey-outline';

/** Reads what a customer-journey command needs from other streams, and runs it. */
@Injectable()
export class CustomerJourneys {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  /** False for an unknown customer (404); a deleted one is refused here with 409 (T10). */
  async customerExists(customerId: string): Promise<boolean> {
    const customer = await this.reader.state(customerStreamId(customerId), customerDecider);
    if (customer.exists) requireLiveCustomer(customer, customerId);
    return customer.exists;
  }

  /** The journey the customer is in now, if any. The decider checks it is still theirs. */
  async currentJourney(customerId: string): Promise<JourneyOutline | undefined> {
    const place = await this.reader.state(customerJourneyStreamId(customerId), customerJourneyDecider);
    return place.journeyId ? readJourneyOutline(this.reader, place.journeyId) : undefined;
  }

  run(customerId: string, command: CustomerJourneyCommand, context: CommandContext): Promise<CommandResult> {
    return this.pipeline.run({ streamId: customerJourneyStreamId(customerId), aggregateId: customerId, decider: customerJourneyDecider, command, context });
  }
}
