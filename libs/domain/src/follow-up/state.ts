import type { FollowUpDetails, FollowUpEvent, FollowUpStatus } from './events';

/** A follow-up that can still be acted on. */
/** Its details are also the values of a message's placeholders (CAL4). */
export type LiveFollowUp = { exists: true; deleted: false; status: FollowUpStatus } & FollowUpDetails;

/**
 * Erased (ADR 0042): only what decides who may still ask about it (its owner) is kept; its
 * personal fields are gone with its key.
 */
export type DeletedFollowUp = { exists: true; deleted: true; followUpId: string; ownerId: string };

export type FollowUpState = { exists: false } | LiveFollowUp | DeletedFollowUp;

export const initialFollowUpState: FollowUpState = { exists: false };

export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  if (event.type === 'FollowUpRegistered') {
    const { followUpId, ownerId, name, contactName, email, phone, contactOn, nextContactOn } = event.data;
    const optional = { ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}) };
    return { exists: true, deleted: false, followUpId, ownerId, name, contactName, ...optional, contactOn, nextContactOn, status: 'open' };
  }
  if (!state.exists || state.deleted) return state;
  switch (event.type) {
    case 'FollowUpRescheduled':
      return { ...state, nextContactOn: event.data.nextContactOn };
    case 'FollowUpResolvedByCall':
      return { ...state, status: 'resolved_by_call' };
    case 'FollowUpEmailSent':
      return { ...state, status: 'email_sent' };
    case 'FollowUpDeleted':
      return { exists: true, deleted: true, followUpId: state.followUpId, ownerId: state.ownerId };
    default:
      return state;
  }
}

export function isFollowUpDone(status: FollowUpStatus): boolean {
  return status !== 'open';
}
