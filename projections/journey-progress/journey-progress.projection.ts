import { CUSTOMER_JOURNEY_STREAM_PREFIX, JOURNEY_STREAM_PREFIX, type CustomerJourneyEvent, type JourneyEvent } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { JOURNEY_PROGRESS, PROGRESS_CUSTOMERS, PROGRESS_JOURNEYS, type ProgressCustomerDocument } from './documents';

type ProgressEvent = CustomerJourneyEvent | JourneyEvent;
type Handler<T extends ProgressEvent['type']> = (data: Extract<ProgressEvent, { type: T }>['data'], event: RecordedEvent, at: string) => CollectionWrite[];

/** The writes of each event type read; the keys are also the subscription's event-type filter. */
const HANDLERS: { [T in ProgressEvent['type']]?: Handler<T> } = {
  JourneyDefined: ({ journeyId, name, steps }, event) => [guardedReplace(PROGRESS_JOURNEYS, { _id: journeyId, name, steps }, event)],
  // A new wallet starts its journey afresh.
  CustomerPlacedInWallet: ({ customerId, walletId, journeyId, stepId }, event, at) => {
    const doc: ProgressCustomerDocument = { _id: customerId, walletId, entered: {}, completed: {}, concluded: {} };
    if (journeyId && stepId) Object.assign(doc, { journeyId, stepId, entered: { [stepId]: at } });
    return [guardedReplace(PROGRESS_CUSTOMERS, doc, event)];
  },
  CustomerStageMoved: ({ customerId, toStepId }, event, at) => [set(customerId, event, { stepId: toStepId, [`entered.${toStepId}`]: at })],
  MilestoneCompleted: ({ customerId, milestoneId, completedOn }, event) => [set(customerId, event, { [`completed.${milestoneId}`]: completedOn })],
  StepConcluded: ({ customerId, stepId, concludedOn }, event) => [set(customerId, event, { [`concluded.${stepId}`]: concludedOn })],
};

function set(customerId: string, event: RecordedEvent, $set: Record<string, unknown>): CollectionWrite {
  // Every customer journey stream starts with its placement, which creates the document.
  return guardedUpdate(PROGRESS_CUSTOMERS, customerId, event, { $set }, { upsert: false });
}

function handle(event: RecordedEvent): CollectionWrite[] {
  if (!Object.prototype.hasOwnProperty.call(HANDLERS, event.type)) return [];
  const handler = HANDLERS[event.type as ProgressEvent['type']] as Handler<ProgressEvent['type']>;
  return handler(event.data as ProgressEvent['data'], event, event.metadata.occurredAt ?? event.created);
}

/** CS12: each customer's progress through their wallet's journey (customer 360). */
export const journeyProgressProjection: ProjectionDefinition = {
  name: JOURNEY_PROGRESS,
  version: 1,
  filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX, CUSTOMER_JOURNEY_STREAM_PREFIX], eventTypes: Object.keys(HANDLERS) },
  collections: [{ name: PROGRESS_JOURNEYS }, { name: PROGRESS_CUSTOMERS }],
  handle,
};
