import {
  CUSTOMER_JOURNEY_STREAM_PREFIX,
  CUSTOMER_STREAM_PREFIX,
  JOURNEY_STREAM_PREFIX,
  MANAGER_WALLETS_STREAM_PREFIX,
  MARKERS_STREAM_ID,
  WALLET_STREAM_PREFIX,
  type CustomerEvent,
  type CustomerJourneyEvent,
  type JourneyEvent,
  type ManagerWalletsEvent,
  type MarkerEvent,
  type WalletEvent,
  ERASED_TEXT,
} from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { outOfPortfolioUpdate } from '../out-of-portfolio';
import { BOARD_CARDS, BOARD_JOURNEYS, BOARD_WALLETS, WALLET_BOARD } from './documents';

type BoardEvent = CustomerEvent | CustomerJourneyEvent | JourneyEvent | WalletEvent | ManagerWalletsEvent | MarkerEvent;

/** Fields a card gets when its document is first created, whichever event creates it. */
const NEW_CARD = { isNew: false, completed: {}, markers: [] };

type BoardEventOf<T extends BoardEvent['type']> = Extract<BoardEvent, { type: T }>;
type Handler<T extends BoardEvent['type']> = (data: BoardEventOf<T>['data'], event: RecordedEvent, at: string) => CollectionWrite[];

/**
 * The writes of each event type the board reads. Its keys are also the subscription's event-type
 * filter, so the many events the board ignores (temperatures, comments …) are never decoded or
 * decrypted for it.
 */
const HANDLERS: { [T in BoardEvent['type']]?: Handler<T> } = {
  JourneyDefined: ({ journeyId, name, steps }, event) => [guardedReplace(BOARD_JOURNEYS, { _id: journeyId, name, steps }, event)],
  WalletCreated: ({ walletId, name, managerId, journeyId }, event) => [
    guardedUpdate(BOARD_WALLETS, walletId, event, { $set: { name, managerId, ...(journeyId ? { journeyId } : {}) }, $setOnInsert: { isDefault: false } }),
  ],
  DefaultWalletSet: ({ walletId, previousWalletId }, event) => {
    const writes = [guardedUpdate(BOARD_WALLETS, walletId, event, { $set: { isDefault: true } }, { upsert: false })];
    if (previousWalletId) writes.push(guardedUpdate(BOARD_WALLETS, previousWalletId, event, { $set: { isDefault: false } }, { upsert: false }));
    return writes;
  },
  CustomerRegistered: (data, event) => [card(data.customerId, event, { name: data.name })],
  CustomerDataEdited: (data, event) => {
    const rename = data.changes.find((change) => change.field === 'name');
    return rename && typeof rename.to === 'string' ? [card(data.customerId, event, { name: rename.to })] : [];
  },
  CustomerDeleted: (data, event) => [card(data.customerId, event, { name: ERASED_TEXT })],
  CustomerPlacedInWallet: ({ customerId, walletId, fromWalletId, journeyId, stepId }, event, at) => {
    // A new wallet starts its journey afresh: no completions carried over.
    const $set = { walletId, isNew: fromWalletId !== undefined, completed: {} };
    if (journeyId && stepId) return [card(customerId, event, { ...$set, journeyId, stepId, enteredStepAt: at })];
    return [guardedUpdate(BOARD_CARDS, customerId, event, { $set, $unset: { journeyId: '', stepId: '', enteredStepAt: '' }, $setOnInsert: { markers: [] } })];
  },
  CustomerStageMoved: (data, event, at) => [card(data.customerId, event, { stepId: data.toStepId, enteredStepAt: at, isNew: false })],
  MilestoneCompleted: (data, event) => [card(data.customerId, event, { [`completed.${data.milestoneId}`]: data.completedOn, isNew: false })],
  // T9, T12: a broker's board leaves out the cards of customers in no portfolio (ADR 0038).
  MarkedAsNonCustomer: (data, event) => outOfPortfolio(data.customerId, event),
  UnmarkedAsNonCustomer: (data, event) => outOfPortfolio(data.customerId, event),
  PortfolioExceptionSet: (data, event) => outOfPortfolio(data.customerId, event),
  PortfolioExceptionCleared: (data, event) => outOfPortfolio(data.customerId, event),
  CustomerMarkerSet: (data, event) => [card(data.customerId, event, { markers: [data.markerId] })],
  CustomerMarkerCleared: (data, event) => [card(data.customerId, event, { markers: [] })],
  // Every card with the deleted marker loses it. Not guarded by position: no card can get a
  // deleted marker later, so replaying this write changes nothing more.
  MarkerDeleted: ({ markerId }) => [{ collection: BOARD_CARDS, write: { op: 'updateMany', filter: { markers: markerId }, update: { $set: { markers: [] } } } }],
};

/** The event types the board reads (the keys of HANDLERS). */
export const BOARD_EVENT_TYPES = Object.keys(HANDLERS);

function handle(event: RecordedEvent): CollectionWrite[] {
  if (!Object.prototype.hasOwnProperty.call(HANDLERS, event.type)) return [];
  const handler = HANDLERS[event.type as BoardEvent['type']] as Handler<BoardEvent['type']>;
  return handler(event.data as BoardEvent['data'], event, event.metadata.occurredAt ?? event.created);
}

/** Sets fields of a customer's card once per event, creating the card when it is missing. */
function card(customerId: string, event: RecordedEvent, $set: Record<string, unknown>): CollectionWrite {
  const $setOnInsert = Object.fromEntries(Object.entries(NEW_CARD).filter(([field]) => !Object.keys($set).some((path) => path.split('.')[0] === field)));
  return guardedUpdate(BOARD_CARDS, customerId, event, Object.keys($setOnInsert).length > 0 ? { $set, $setOnInsert } : { $set });
}

/** The card's reasons for being in no portfolio, from a T9 or T12 event (none for a change of non-customer kind). */
function outOfPortfolio(customerId: string, event: RecordedEvent): CollectionWrite[] {
  const update = outOfPortfolioUpdate(event);
  return update ? [guardedUpdate(BOARD_CARDS, customerId, event, { ...update, $setOnInsert: NEW_CARD })] : [];
}

/** CS5: the wallet board. Stream prefixes are exact: `customer-` does not match `customerjourney-`. */
export const walletBoardProjection: ProjectionDefinition = {
  name: WALLET_BOARD,
  // 2: outOfPortfolio on cards (T9, T12, ADR 0038); its events were skipped by version 1 (ADR 0036).
  version: 2,
  collections: [
    { name: BOARD_JOURNEYS },
    { name: BOARD_WALLETS, indexes: [{ fields: { managerId: 1 } }], scalarFields: ['managerId', 'name'] },
    { name: BOARD_CARDS, indexes: [{ fields: { walletId: 1 } }], scalarFields: ['walletId'] },
  ],
  filter: {
    streamPrefixes: [CUSTOMER_STREAM_PREFIX, CUSTOMER_JOURNEY_STREAM_PREFIX, JOURNEY_STREAM_PREFIX, WALLET_STREAM_PREFIX, MANAGER_WALLETS_STREAM_PREFIX, MARKERS_STREAM_ID],
    eventTypes: BOARD_EVENT_TYPES,
  },
  handle,
};
