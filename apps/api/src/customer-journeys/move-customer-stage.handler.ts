import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../commands/command-result';
import { MoveCustomerStageCommand } from './customer-journey-commands';
import { CustomerJourneys } from './customer-journeys';

@CommandHandler(MoveCustomerStageCommand)
export class MoveCustomerStageHandler implements ICommandHandler<MoveCustomerStageCommand, CommandResult> {
  constructor(private readonly journeys: CustomerJourneys) {}

  async execute({ customerId, stepId, context }: MoveCustomerStageCommand): Promise<CommandResult> {
    const customerExists = await this.journeys.customerExists(customerId);
    const journey = await this.journeys.currentJourney(customerId);
    return this.journeys.run(customerId, { type: 'MoveCustomerStage', customerId, customerExists, stepId, journey }, context);
  }
}
