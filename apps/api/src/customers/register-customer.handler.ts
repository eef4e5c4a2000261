import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStreamId } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { RegisterCustomerCommand } from './customer-commands';

@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ body, context }: RegisterCustomerCommand): Promise<CommandResult> {
    // Derived from the command id, so a retried registration finds the same stream.
    const customerId = entityIdFor(context.commandId, 'customer');
    const { name, phones, email, whatsapp, media, channel, brokerId, objective, temperature, productOfInterestId, origin } = body;
    return this.pipeline.run({
      streamId: customerStreamId(customerId),
      aggregateId: customerId,
      decider: customerDecider,
      command: {
        type: 'RegisterCustomer',
        customerId,
        data: { name, phones: phones ?? [], email, whatsapp, media, channel, brokerId },
        objective,
        temperature,
        productOfInterestId,
        origin: origin && plain(origin),
      },
      context,
    });
  }
}

/** DTO instances become plain JSON for the event payload. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
