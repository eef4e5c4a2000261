import { Injectable } from '@nestjs/common';
import { customerContactsDecider, customerContactsStreamId, customerDecider, customerStreamId, requireLiveCustomer, type CustomerContactCommand } from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';

type WithoutCustomerCheck<C> = C extends unknown ? Omit<C, 'customerExists'> : never;

/**
 * Runs a contact command on the customer's contacts stream, after reading the customer's own
 * stream: unknown → 404 (decided), deleted → 409 here, before anything is decided.
 */
@Injectable()
export class CustomerContacts {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  async run(command: WithoutCustomerCheck<CustomerContactCommand>, context: CommandContext): Promise<CommandResult> {
    const { customerId } = command;
    const customer = await this.reader.state(customerStreamId(customerId), customerDecider);
    if (customer.exists) requireLiveCustomer(customer, customerId);
    const full = { ...command, customerExists: customer.exists } as CustomerContactCommand;
    const result = await this.pipeline.run({ streamId: customerContactsStreamId(customerId), aggregateId: customerId, decider: customerContactsDecider, command: full, context });
    // The answer names the contact, as a note's names the note.
    return { ...result, id: command.contactId };
  }
}
