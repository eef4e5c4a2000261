import { conflict, invalid, notFound, rejected } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import type { JourneyStep } from '../journey/events';
import { stepOfMilestone } from '../journey/state';
import type { WalletState } from '../wallet/state';
import { isCalendarDate, localDate } from './calendar-date';
import type { CustomerJourneyEvent, CustomerPlacedInWallet } from './events';
import { evolveCustomerJourney, initialCustomerJourneyState, type CustomerJourneyState } from './state';

/** A journey as its steps, read by the caller from the journey's stream. */
export interface JourneyOutline {
  journeyId: string;
  steps: JourneyStep[];
}

/**
 * What the caller read from the other streams: whether the customer is registered, the wallet,
 * and the wallet's journey (when it has one).
 */
export type PlaceCustomerInWallet = {
  type: 'PlaceCustomerInWallet';
  customerId: string;
  customerExists: boolean;
  walletId: string;
  wallet: WalletState;
  journey?: JourneyOutline;
};

/** `journey` is the journey the customer is in, read from its stream (absent when none). */
export type MoveCustomerStage = {
  type: 'MoveCustomerStage';
  customerId: string;
  customerExists: boolean;
  stepId: string;
  journey?: JourneyOutline;
};

export type CompleteMilestone = {
  type: 'CompleteMilestone';
  customerId: string;
  customerExists: boolean;
  milestoneId: string;
  completedOn: string;
  /** The business's IANA time zone: whose "today" a completion date may not be after. */
  timeZone: string;
  journey?: JourneyOutline;
};

export type ConcludeStep = {
  type: 'ConcludeStep';
  customerId: string;
  customerExists: boolean;
  stepId: string;
  concludedOn: string;
  /** The business's IANA time zone: whose "today" a conclusion date may not be after. */
  timeZone: string;
  journey?: JourneyOutline;
};

export type CustomerJourneyCommand = PlaceCustomerInWallet | MoveCustomerStage | CompleteMilestone | ConcludeStep;

function decidePlace(command: PlaceCustomerInWallet, state: CustomerJourneyState): CustomerJourneyEvent[] {
  const { customerId, walletId, wallet, journey } = command;
  if (!command.customerExists) throw notFound('customer_not_found', `Customer ${customerId} does not exist`);
  if (wallet.status !== 'created') throw notFound('wallet_not_found', `Wallet ${walletId} does not exist`);
  if (state.walletId === walletId) return [];
  if (wallet.journeyId !== journey?.journeyId) throw conflict('journey_changed', `The journey of wallet ${walletId} changed meanwhile; try again`);
  const data: CustomerPlacedInWallet['data'] = {
    customerId,
    walletId,
    ...(state.walletId ? { fromWalletId: state.walletId } : {}),
    ...(journey ? { journeyId: journey.journeyId, stepId: journey.steps[0].id } : {}),
  };
  return [{ type: 'CustomerPlacedInWallet', data }];
}

/** The customer's journey as given, checked against the stream's own record of it. */
function currentJourney(command: MoveCustomerStage | CompleteMilestone | ConcludeStep, state: CustomerJourneyState): JourneyOutline {
  if (!command.customerExists) throw notFound('customer_not_found', `Customer ${command.customerId} does not exist`);
  if (!state.walletId) throw rejected('not_in_wallet', `Customer ${command.customerId} is in no wallet`);
  if (!state.journeyId || !state.stepId) throw rejected('no_journey', `The wallet of customer ${command.customerId} has no journey`);
  if (command.journey?.journeyId !== state.journeyId) throw conflict('journey_changed', `The journey of customer ${command.customerId} changed meanwhile; try again`);
  return command.journey;
}

function decideMove(command: MoveCustomerStage, state: CustomerJourneyState): CustomerJourneyEvent[] {
  const journey = currentJourney(command, state);
  if (!journey.steps.some((step) => step.id === command.stepId)) {
    throw rejected('step_not_in_journey', `Step ${command.stepId} is not a step of the customer's journey`, 'stepId');
  }
  if (state.stepId === command.stepId) return [];
  return [
    { type: 'CustomerStageMoved', data: { customerId: command.customerId, journeyId: journey.journeyId, fromStepId: state.stepId as string, toStepId: command.stepId } },
  ];
}

function decideComplete(command: CompleteMilestone, state: CustomerJourneyState, now: Date): CustomerJourneyEvent[] {
  const { customerId, milestoneId, completedOn } = command;
  if (!isCalendarDate(completedOn)) throw invalid('completedOn', 'completedOn must be a date YYYY-MM-DD');
  const journey = currentJourney(command, state);
  // Any milestone of the journey may be completed, as in the customer 360 journey section.
  const step = stepOfMilestone(journey.steps, milestoneId);
  if (!step) throw notFound('milestone_not_found', `Milestone ${milestoneId} is not in the customer's journey`);
  if (completedOn > localDate(now, command.timeZone)) throw rejected('completed_in_future', `completedOn ${completedOn} is in the future`, 'completedOn');
  if (state.completed[milestoneId] === completedOn) return [];
  return [{ type: 'MilestoneCompleted', data: { customerId, journeyId: journey.journeyId, stepId: step.id, milestoneId, completedOn } }];
}

function decideConclude(command: ConcludeStep, state: CustomerJourneyState, now: Date): CustomerJourneyEvent[] {
  const { customerId, stepId, concludedOn } = command;
  if (!isCalendarDate(concludedOn)) throw invalid('concludedOn', 'concludedOn must be a date YYYY-MM-DD');
  const journey = currentJourney(command, state);
  // Any step may be reported concluded, the current one or another, as in the customer 360.
  if (!journey.steps.some((step) => step.id === stepId)) throw notFound('step_not_found', `Step ${stepId} is not in the customer's journey`);
  if (concludedOn > localDate(now, command.timeZone)) throw rejected('concluded_in_future', `concludedOn ${concludedOn} is in the future`, 'concludedOn');
  if (state.concluded[stepId] === concludedOn) return [];
  return [{ type: 'StepConcluded', data: { customerId, journeyId: journey.journeyId, stepId, concludedOn } }];
}

export const customerJourneyDecider: Decider<CustomerJourneyCommand, CustomerJourneyState, CustomerJourneyEvent> = {
  initialState: initialCustomerJourneyState,
  evolve: evolveCustomerJourney,
  decide(command, state, now) {
    switch (command.type) {
      case 'PlaceCustomerInWallet':
        return decidePlace(command, state);
      case 'MoveCustomerStage':
        return decideMove(command, state);
      case 'CompleteMilestone':
        return decideComplete(command, state, now);
      case 'ConcludeStep':
        return decideConclude(command, state, now);
    }
  },
};
