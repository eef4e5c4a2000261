import type { CustomerEvent, MarkerEvent } from '@trilha/domain';
import { centsToAmount, CUSTOMER_STREAM_PREFIX, ERASED_TEXT, MARKERS_STREAM_ID } from '@trilha/domain';
import { positionToString, type RecordedEvent } from '@trilha/event-store';
import type { ProjectionDefinition } from '@trilha/projection';
import { guardedReplace, guardedUpdate } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { eraseWhereSet } from '../erasure';
import { outOfPortfolioUpdate } from '../out-of-portfolio';
import type { ActorRef, CustomerDetailDocument, MarkerDocument, ProposalEntry } from './customer-detail.document';

export * from './customer-detail.document';

export const CUSTOMER_DETAIL = 'customer-detail';
export const CUSTOMERS_COLLECTION = 'customers';
/** The marker catalogue (CS6): GET /markers, and the name and emoji of a customer's marker. */
export const MARKERS_COLLECTION = 'marker_catalogue';

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as CustomerEvent | MarkerEvent;
  const at = event.metadata.occurredAt ?? event.created;
  const stamp = { updatedAt: at, revision: event.revision.toString(), position: positionToString(event.position) };
  // Every later event updates the document the registration created, once (guarded by position).
  // `more`: other operators of the same update ($push, $pull).
  const update = (customerId: string, $set: Record<string, unknown>, $unset?: Record<string, ''>, more: Record<string, unknown> = {}) =>
    guardedUpdate(
      CUSTOMERS_COLLECTION,
      customerId,
      event,
      { $set: { ...$set, ...stamp }, ...($unset && Object.keys($unset).length > 0 ? { $unset } : {}), ...more },
      { upsert: false },
    );
  switch (e.type) {
    case 'CustomerRegistered': {
      const { customerId, ...fields } = e.data;
      const actor = actorOf(event);
      const doc: CustomerDetailDocument = {
        _id: customerId,
        id: customerId,
        ...fields,
        leadStatus: 'new',
        proposals: {},
        registeredAt: at,
        ...(actor ? { registeredBy: actor } : {}),
        ...stamp,
      };
      return [guardedReplace(CUSTOMERS_COLLECTION, doc, event)];
    }
    case 'CustomerDataEdited': {
      const $set: Record<string, unknown> = {};
      const $unset: Record<string, ''> = {};
      for (const change of e.data.changes) {
        if (change.to === undefined) $unset[change.field] = '';
        else $set[change.field] = change.to;
      }
      return [update(e.data.customerId, $set, $unset)];
    }
    case 'TemperatureChanged':
    case 'TemperatureReverted':
      return [update(e.data.customerId, { temperature: e.data.to })];
    case 'ObjectiveChanged':
      return [update(e.data.customerId, { objective: e.data.to })];
    case 'MomentChanged': {
      const { moment, subMoment } = e.data.to;
      return [subMoment === undefined ? update(e.data.customerId, { moment }, { subMoment: '' }) : update(e.data.customerId, { moment, subMoment })];
    }
    case 'ProductOfInterestChanged':
      return [update(e.data.customerId, { productOfInterestId: e.data.to })];
    case 'ProposalRegistered': {
      const { customerId, proposalId, productId, amountCents, notes } = e.data;
      const entry: ProposalEntry = {
        id: proposalId,
        productId,
        amount: centsToAmount(amountCents),
        amountCents,
        ...(notes !== undefined ? { notes } : {}),
        status: 'open',
        createdAt: at,
      };
      return [update(customerId, { [`proposals.${proposalId}`]: entry })];
    }
    case 'ProposalMarkedAsSale': {
      const { customerId, proposalId } = e.data;
      return [update(customerId, { [`proposals.${proposalId}.status`]: 'sold', [`proposals.${proposalId}.soldAt`]: at })];
    }
    case 'LeadStatusChanged':
      // A change that names its schedule carried out the pending one (the decider guarantees it).
      return [e.data.scheduleId === undefined ? update(e.data.customerId, { leadStatus: e.data.to }) : update(e.data.customerId, { leadStatus: e.data.to }, { scheduledLeadStatus: '' })];
    case 'LeadStatusChangeScheduled':
      return [update(e.data.customerId, { scheduledLeadStatus: { to: e.data.to, at: e.data.at } })];
    case 'LeadStatusChangeCancelled':
      return [update(e.data.customerId, {}, { scheduledLeadStatus: '' })];
    case 'DisinterestInformed': {
      const actor = actorOf(event);
      return [update(e.data.customerId, { disinterest: { reason: e.data.reason, at, ...(actor ? { by: actor } : {}) } })];
    }
    case 'CustomerDeleted': {
      const id = e.data.customerId;
      return [
        // Proposals are keyed by id, which this event does not list: their notes go with the map.
        update(id, { name: ERASED_TEXT, phones: [], proposals: {} }, { scheduledLeadStatus: '' }),
        ...['email', 'whatsapp', 'origin.ip', 'origin.location', 'disinterest.reason', 'nonCustomer.note'].map((path) => eraseWhereSet(CUSTOMERS_COLLECTION, { _id: id }, path)),
        eraseWhereSet(CUSTOMERS_COLLECTION, { _id: id }, 'origin.extraAttributes', {}),
      ];
    }
    case 'RatingChanged':
      return [update(e.data.customerId, { rating: e.data.to })];
    case 'MarkedAsNonCustomer': {
      const { customerId, kind, note, fromKind } = e.data;
      if (fromKind !== undefined) {
        // Already a non-customer: the kind and note change, `since` and `by` stay.
        return [note === undefined ? update(customerId, { 'nonCustomer.kind': kind }, { 'nonCustomer.note': '' }) : update(customerId, { 'nonCustomer.kind': kind, 'nonCustomer.note': note })];
      }
      const actor = actorOf(event);
      const nonCustomer = { kind, ...(note !== undefined ? { note } : {}), since: at, ...(actor ? { by: actor } : {}) };
      return [update(customerId, { nonCustomer }, undefined, outOfPortfolioUpdate(e))];
    }
    case 'UnmarkedAsNonCustomer':
      return [update(e.data.customerId, {}, { nonCustomer: '' }, outOfPortfolioUpdate(e))];
    case 'PortfolioExceptionSet': {
      const actor = actorOf(event);
      return [update(e.data.customerId, { [`portfolioExceptions.${e.data.exception}`]: { since: at, ...(actor ? { by: actor } : {}) } }, undefined, outOfPortfolioUpdate(e))];
    }
    case 'PortfolioExceptionCleared':
      return [update(e.data.customerId, {}, { [`portfolioExceptions.${e.data.exception}`]: '' }, outOfPortfolioUpdate(e))];
    case 'CustomerMarkerSet':
      return [update(e.data.customerId, { markerId: e.data.markerId })];
    case 'CustomerMarkerCleared':
      return [update(e.data.customerId, {}, { markerId: '' })];
    case 'MarkerCreated': {
      const { markerId, name, emoji } = e.data;
      const doc: MarkerDocument = { _id: markerId, name, emoji, createdAt: at, deleted: false };
      return [guardedReplace(MARKERS_COLLECTION, doc, event)];
    }
    case 'MarkerRenamed':
      return [guardedUpdate(MARKERS_COLLECTION, e.data.markerId, event, { $set: { name: e.data.name } }, { upsert: false })];
    case 'MarkerEmojiChanged':
      return [guardedUpdate(MARKERS_COLLECTION, e.data.markerId, event, { $set: { emoji: e.data.emoji } }, { upsert: false })];
    case 'MarkerDeleted':
      // Customers keep the id; the query shows no marker for a deleted one (no write per customer).
      return [guardedUpdate(MARKERS_COLLECTION, e.data.markerId, event, { $set: { deleted: true } }, { upsert: false })];
    default:
      // Comments live on the timeline, notes in their own read model (customer-notes), not on the detail.
      return [];
  }
}

function actorOf(event: RecordedEvent): ActorRef | undefined {
  const actor = event.metadata.actor;
  return actor ? { id: actor.id, role: actor.role, name: actor.name } : undefined;
}

export const customerDetailProjection: ProjectionDefinition = {
  name: CUSTOMER_DETAIL,
  // 2: status fields, lead status, proposals and disinterest.
  // 3: markers (CS6): the marker catalogue, and each customer's markerId.
  // (scheduledLeadStatus, T14, needed no new version: only events that did not exist before set it.)
  // 4: rating (T13). A projector of the previous release skips RatingChanged, which an api of
  // this one may already append during a rolling deploy: the rebuild fills that in.
  // 5: non-customer (T9) and portfolio exceptions (T12), and `outOfPortfolio`, which the brokers'
  // lists filter on (ADR 0038); the same reason as 4.
  version: 5,
  collections: [
    { name: CUSTOMERS_COLLECTION, indexes: [{ fields: { brokerId: 1 } }, { fields: { name: 1 } }], scalarFields: ['brokerId'] },
    { name: MARKERS_COLLECTION },
  ],
  filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX, MARKERS_STREAM_ID] },
  handle,
};
