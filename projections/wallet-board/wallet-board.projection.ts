import {
  CUSTOMER_JOURNEY_STREAM_PREFIX,
  CUSTOMER_STREAM_PREFIX,
  JOURNEY_STREAM_PREFIX,
  MANAGER_WALLETS_STREAM_PREFIX,
  WALLET_STREAM_PREFIX,
  type CustomerEvent,
  type CustomerJourneyEvent,
  type JourneyEvent,
  type ManagerWalletsEvent,
  type WalletEvent,
  ERASED_TEXT,
} from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { BOARD_CARDS, BOARD_JOURNEYS, BOARD_WALLETS, WALLET_BOARD } from './documents';

type BoardEvent = CustomerEvent | CustomerJourneyEvent | JourneyEvent | WalletEvent | ManagerWalletsEvent;

/** Fields a card gets when its document is first created, whichever event creates it. */
const NEW_CARD = { isNew: false, completed: {}, markers: [] };

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as BoardEvent;
  const at = event.metadata.occurredAt ?? event.created;
  switch (e.type) {
    case 'JourneyDefined': {
      const { journeyId, name, steps } = e.data;
      return [guardedReplace(BOARD_JOURNEYS, { _id: journeyId, name, steps }, event)];
    }
    case 'WalletCreated': {
      const { walletId, name, managerId, journeyId } = e.data;
      return [guardedUpdate(BOARD_WALLETS, walletId, event, { $set: { name, managerId, ...(journeyId ? { journeyId } : {}) }, $setOnInsert: { isDefault: false } })];
    }
    case 'DefaultWalletSet': {
      const { walletId, previousWalletId } = e.data;
      const writes = [guardedUpdate(BOARD_WALLETS, walletId, event, { $set: { isDefault: true } }, { upsert: false })];
      if (previousWalletId) writes.push(guardedUpdate(BOARD_WALLETS, previousWalletId, event, { $set: { isDefault: false } }, { upsert: false }));
      return writes;
    }
    case 'CustomerRegistered':
      return [card(e.data.customerId, event, { name: e.data.name })];
    case 'CustomerDataEdited': {
      const rename = e.data.changes.find((change) => change.field === 'name');
      return rename && typeof rename.to === 'string' ? [card(e.data.customerId, event, { name: rename.to })] : [];
    }
    case 'CustomerDeleted':
      return [card(e.data.customerId, event, { name: ERASED_TEXT })];
    case 'CustomerPlacedInWallet': {
      const { customerId, walletId, fromWalletId, journeyId, stepId } = e.data;
      // A new wallet starts its journey afresh: no completions carried over.
      const $set = { walletId, isNew: fromWalletId !== undefined, completed: {} };
      if (journeyId && stepId) return [card(customerId, event, { ...$set, journeyId, stepId, enteredStepAt: at })];
      return [guardedUpdate(BOARD_CARDS, customerId, event, { $set, $unset: { journeyId: '', stepId: '', enteredStepAt: '' }, $setOnInsert: { markers: [] } })];
    }
    case 'CustomerStageMoved':
      return [card(e.data.customerId, event, { stepId: e.data.toStepId, enteredStepAt: at, isNew: false })];
    case 'MilestoneCompleted':
      return [card(e.data.customerId, event, { [`completed.${e.data.milestoneId}`]: e.data.completedOn, isNew: false })];
    default:
      return [];
  }
}

/** Sets fields of a customer's card once per event, creating the card when it is missing. */
function card(customerId: string, event: RecordedEvent, $set: Record<string, unknown>): CollectionWrite {
  const $setOnInsert = Object.fromEntries(Object.entries(NEW_CARD).filter(([field]) => !Object.keys($set).some((path) => path.split('.')[0] === field)));
  return guardedUpdate(BOARD_CARDS, customerId, event, Object.keys($setOnInsert).length > 0 ? { $set, $setOnInsert } : { $set });
}

/** CS5: the wallet board. Stream prefixes are exact: `customer-` does not match `customerjourney-`. */
export const walletBoardProjection: ProjectionDefinition = {
  name: WALLET_BOARD,
  version: 1,
  collections: [
    { name: BOARD_JOURNEYS },
    { name: BOARD_WALLETS, indexes: [{ fields: { managerId: 1 } }] },
    { name: BOARD_CARDS, indexes: [{ fields: { walletId: 1 } }] },
  ],
  filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX, CUSTOMER_JOURNEY_STREAM_PREFIX, JOURNEY_STREAM_PREFIX, WALLET_STREAM_PREFIX, MANAGER_WALLETS_STREAM_PREFIX] },
  handle,
};
