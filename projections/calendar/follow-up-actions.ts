import type { FollowUpEvent, FollowUpStatus } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { CALENDAR_ACTIONS_COLLECTION, OPPORTUNITY_KIND, type FollowUpActionDocument } from './calendar-action';

/** The follow-up events the calendar projects (keep in step with `followUpWrites`). */
export const FOLLOW_UP_EVENT_TYPES = ['FollowUpRegistered', 'FollowUpRescheduled', 'FollowUpResolvedByCall', 'FollowUpEmailSent', 'FollowUpDeleted'] as const satisfies ReadonlyArray<FollowUpEvent['type']>;

/** A follow-up opportunity as an action on its next contact date (CAL5, CAL6). */
export function followUpWrites(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as FollowUpEvent;
  const set = (fields: Partial<FollowUpActionDocument>) => guardedUpdate(CALENDAR_ACTIONS_COLLECTION, e.data.followUpId, event, { $set: fields }, { upsert: false });
  const setStatus = (status: FollowUpStatus) => set({ status });
  switch (e.type) {
    case 'FollowUpRegistered': {
      const { followUpId, ownerId, name, contactName, nextContactOn } = e.data;
      const doc: FollowUpActionDocument = { _id: followUpId, id: followUpId, kind: OPPORTUNITY_KIND, ownerId, on: nextContactOn, status: 'open', name, contactName };
      return [guardedReplace(CALENDAR_ACTIONS_COLLECTION, doc, event)];
    }
    case 'FollowUpRescheduled':
      return [set({ on: e.data.nextContactOn })];
    case 'FollowUpResolvedByCall':
      return [setStatus('resolved_by_call')];
    case 'FollowUpEmailSent':
      return [setStatus('email_sent')];
    case 'FollowUpDeleted':
      // Erased (ADR 0042): nothing is left to act on, so it leaves the calendar rather than show a placeholder.
      // Idempotent: a replay re-inserts it at FollowUpRegistered and removes it here again.
      return [{ collection: CALENDAR_ACTIONS_COLLECTION, write: { op: 'deleteOne', filter: { _id: e.data.followUpId } } }];
    default:
      return [];
  }
}
