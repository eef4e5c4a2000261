import { ERASED_TEXT } from '../personal-data/placeholder';
import type { CustomerData, CustomerEvent, LeadStatus, Moment, NonCustomerKind, PortfolioException, Temperature } from './events';

export type ProposalStatus = 'open' | 'sold';

export interface ProposalState {
  productId: string;
  amountCents: number;
  status: ProposalStatus;
}

export type CustomerState =
  | { exists: false }
  | {
      exists: true;
      customerId: string;
      data: CustomerData;
      objective?: string;
      temperature?: Temperature;
      /** The temperatures a revert goes back to, most recent last (an undo stack). */
      earlierTemperatures: Temperature[];
      moment?: Moment;
      productOfInterestId?: string;
      leadStatus: LeadStatus;
      proposals: Record<string, ProposalState>;
      /** The latest reason given when informing disinterest (T8). */
      disinterestReason?: string;
      /** T14: the one change of the lead status scheduled and not yet applied or cancelled. */
      pendingLeadStatusChange?: PendingLeadStatusChange;
      /** T13: 0..5 stars; absent until first rated. */
      rating?: number;
      /** CS6: the marker set on the customer (it may have been deleted from the catalogue since). */
      markerId?: string;
      /** T9: not a customer (a supplier, a test …); absent while it is one. The note is personal data. */
      nonCustomer?: { kind: NonCustomerKind; note?: string };
      /** T12: the portfolio exceptions that hold, in the order they were set; absent when none does. */
      portfolioExceptions?: PortfolioException[];
      /** T10: deleted; the personal fields hold placeholders and no command is accepted. */
      deleted?: true;
    };

/** T14: a lead status change planned for instant `at` (UTC). */
export interface PendingLeadStatusChange {
  scheduleId: string;
  to: LeadStatus;
  at: string;
}

export type ExistingCustomer = Extract<CustomerState, { exists: true }>;

export const initialCustomerState: CustomerState = { exists: false };

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'CustomerRegistered') {
    const { customerId, objective, temperature, productOfInterestId, origin: _origin, ...data } = event.data;
    return {
      exists: true,
      customerId,
      data: { ...data, phones: [...data.phones] },
      objective,
      temperature,
      earlierTemperatures: [],
      productOfInterestId,
      leadStatus: 'new',
      proposals: {},
    };
  }
  if (!state.exists) return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: ExistingCustomer, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerDataEdited': {
      const data: CustomerData = { ...state.data };
      for (const change of event.data.changes) {
        if (change.to === undefined) delete (data as unknown as Record<string, unknown>)[change.field];
        else (data as unknown as Record<string, unknown>)[change.field] = change.to;
      }
      return { ...state, data };
    }
    case 'TemperatureChanged': {
      const earlier = state.temperature ? [...state.earlierTemperatures, state.temperature] : state.earlierTemperatures;
      return { ...state, temperature: event.data.to, earlierTemperatures: earlier };
    }
    case 'TemperatureReverted':
      return { ...state, temperature: event.data.to, earlierTemperatures: state.earlierTemperatures.slice(0, -1) };
    case 'ObjectiveChanged':
      return { ...state, objective: event.data.to };
    case 'MomentChanged':
      return { ...state, moment: { ...event.data.to } };
    case 'ProductOfInterestChanged':
      return { ...state, productOfInterestId: event.data.to };
    case 'ProposalRegistered': {
      const { proposalId, productId, amountCents } = event.data;
      return { ...state, proposals: { ...state.proposals, [proposalId]: { productId, amountCents, status: 'open' } } };
    }
    case 'ProposalMarkedAsSale': {
      const proposal = state.proposals[event.data.proposalId];
      if (!proposal) return state;
      return { ...state, proposals: { ...state.proposals, [event.data.proposalId]: { ...proposal, status: 'sold' } } };
    }
    case 'LeadStatusChanged': {
      const moved = { ...state, leadStatus: event.data.to };
      return event.data.scheduleId === undefined ? moved : withoutPending(moved, event.data.scheduleId);
    }
    case 'LeadStatusChangeScheduled': {
      const { scheduleId, to, at } = event.data;
      return { ...state, pendingLeadStatusChange: { scheduleId, to, at } };
    }
    case 'LeadStatusChangeCancelled':
      return withoutPending(state, event.data.scheduleId);
    case 'DisinterestInformed':
      return { ...state, disinterestReason: event.data.reason };
    case 'CustomerDeleted': {
      // Nothing happens to a deleted customer any more, a scheduled change included.
      const { pendingLeadStatusChange: _dropped, ...rest } = erased(state);
      return rest;
    }
    case 'RatingChanged':
      return { ...state, rating: event.data.to };
    case 'MarkedAsNonCustomer': {
      const { kind, note } = event.data;
      return { ...state, nonCustomer: note === undefined ? { kind } : { kind, note } };
    }
    case 'UnmarkedAsNonCustomer': {
      const { nonCustomer: _undone, ...rest } = state;
      return rest;
    }
    case 'PortfolioExceptionSet': {
      const held = state.portfolioExceptions ?? [];
      return held.includes(event.data.exception) ? state : { ...state, portfolioExceptions: [...held, event.data.exception] };
    }
    case 'PortfolioExceptionCleared': {
      const { portfolioExceptions: held = [], ...rest } = state;
      const left = held.filter((exception) => exception !== event.data.exception);
      return left.length === 0 ? rest : { ...rest, portfolioExceptions: left };
    }
    case 'CustomerMarkerSet':
      return { ...state, markerId: event.data.markerId };
    case 'CustomerMarkerCleared': {
      const { markerId: _cleared, ...rest } = state;
      return rest;
    }
    default:
      return state;
  }
}

/** The state without its pending lead status change, when that change is `scheduleId`. */
function withoutPending(state: ExistingCustomer, scheduleId: string): ExistingCustomer {
  if (state.pendingLeadStatusChange?.scheduleId !== scheduleId) return state;
  const { pendingLeadStatusChange: _done, ...rest } = state;
  return rest;
}

/** The state once deleted: what decryption yields once the key is gone, whatever was cached before. */
function erased(state: ExistingCustomer): ExistingCustomer {
  const { email, whatsapp, ...kept } = state.data;
  const data: CustomerData = {
    ...kept,
    name: ERASED_TEXT,
    phones: [],
    ...(email !== undefined ? { email: ERASED_TEXT } : {}),
    ...(whatsapp !== undefined ? { whatsapp: ERASED_TEXT } : {}),
  };
  const disinterest = state.disinterestReason !== undefined ? { disinterestReason: ERASED_TEXT } : {};
  const nonCustomer = state.nonCustomer?.note !== undefined ? { nonCustomer: { ...state.nonCustomer, note: ERASED_TEXT } } : {};
  return { ...state, data, ...disinterest, ...nonCustomer, deleted: true };
}
