import type { FollowUpEvent, FollowUpStatus } from './events';

export type FollowUpState =
  | { exists: false }
  | {
      exists: true;
      followUpId: string;
      ownerId: string;
      email?: string;
      contactOn: string;
      nextContactOn: string;
      status: FollowUpStatus;
    };

export const initialFollowUpState: FollowUpState = { exists: false };

export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  if (event.type === 'FollowUpRegistered') {
    const { followUpId, ownerId, email, contactOn, nextContactOn } = event.data;
    return { exists: true, followUpId, ownerId, ...(email !== undefined ? { email } : {}), contactOn, nextContactOn, status: 'open' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'FollowUpRescheduled':
      return { ...state, nextContactOn: event.data.nextContactOn };
    case 'FollowUpResolvedByCall':
      return { ...state, status: 'resolved_by_call' };
    case 'FollowUpEmailSent':
      return { ...state, status: 'email_sent' };
    default:
      return state;
  }
}

export function isFollowUpDone(status: FollowUpStatus): boolean {
  return status !== 'open';
}
