import type { DomainEvent } from '../shared/decider';

/**
 * CS4: the customer is put in a wallet. With a journey, they enter it at `stepId`, its first
 * step; `fromWalletId` is set when they were moved from another wallet (the card shows "new").
 */
export type CustomerPlacedInWallet = DomainEvent<
  'CustomerPlacedInWallet',
  { customerId: string; walletId: string; fromWalletId?: string; journeyId?: string; stepId?: string }
>;

/** CS5/CS12: a stage move to another step of the same journey. */
export type CustomerStageMoved = DomainEvent<'CustomerStageMoved', { customerId: string; journeyId: string; fromStepId: string; toStepId: string }>;

/** CS12: a success milestone done on `completedOn` (YYYY-MM-DD); a later one corrects the date. */
export type MilestoneCompleted = DomainEvent<
  'MilestoneCompleted',
  { customerId: string; journeyId: string; stepId: string; milestoneId: string; completedOn: string }
>;

/**
 * CS12: a step of the journey reported concluded on `concludedOn` (YYYY-MM-DD); a later one
 * corrects the date. Independent of the current step: concluding does not move the customer.
 */
export type StepConcluded = DomainEvent<'StepConcluded', { customerId: string; journeyId: string; stepId: string; concludedOn: string }>;

export type CustomerJourneyEvent = CustomerPlacedInWallet | CustomerStageMoved | MilestoneCompleted | StepConcluded;

/** Not `customer-…`: that prefix is the customer aggregate's own. */
export const CUSTOMER_JOURNEY_STREAM_PREFIX = 'customerjourney-';
export const customerJourneyStreamId = (customerId: string) => `${CUSTOMER_JOURNEY_STREAM_PREFIX}${customerId}`;
