import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../commands/command-result';
import type { TrilhaConfig } from '../config/trilha-config';
import { TRILHA_CONFIG } from '../infrastructure/tokens';
import { CompleteMilestoneCommand } from './customer-journey-commands';
import { CustomerJourneys } from './customer-journeys';

@CommandHandler(CompleteMilestoneCommand)
export class CompleteMilestoneHandler implements ICommandHandler<CompleteMilestoneCommand, CommandResult> {
  constructor(private readonly journeys: CustomerJourneys, @Inject(TRILHA_CONFIG) private readonly config: TrilhaConfig) {}

  async execute({ customerId, milestoneId, completedOn, context }: CompleteMilestoneCommand): Promise<CommandResult> {
    const customerExists = await this.journeys.customerExists(customerId);
    const journey = await this.journeys.currentJourney(customerId);
    return this.journeys.run(customerId, { type: 'CompleteMilestone', customerId, customerExists, milestoneId, completedOn, timeZone: this.config.timeZone, journey }, context);
  }
}
