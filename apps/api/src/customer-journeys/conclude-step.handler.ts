import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../commands/command-result';
import type { TrilhaConfig } from '../config/trilha-config';
import { TRILHA_CONFIG } from '../infrastructure/tokens';
import { ConcludeStepCommand } from './customer-journey-commands';
import { CustomerJourneys } from './customer-journeys';

@CommandHandler(ConcludeStepCommand)
export class ConcludeStepHandler implements ICommandHandler<ConcludeStepCommand, CommandResult> {
  constructor(private readonly journeys: CustomerJourneys, @Inject(TRILHA_CONFIG) private readonly config: TrilhaConfig) {}

  async execute({ customerId, stepId, concludedOn, context }: ConcludeStepCommand): Promise<CommandResult> {
    const customerExists = await this.journeys.customerExists(customerId);
    const journey = await this.journeys.currentJourney(customerId);
    return this.journeys.run(customerId, { type: 'ConcludeStep', customerId, customerExists, stepId, concludedOn, timeZone: this.config.timeZone, journey }, context);
  }
}
