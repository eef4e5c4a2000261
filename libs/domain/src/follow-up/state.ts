import type { FollowUpEvent, FollowUpStatus } from './events';

export type FollowUpState =
  | { exists: false }
  | {
      exists: true;
      followUpId: string;
      ownerId: string;
      /** The company or customer name, the contact and the phone: the values of a message's placeholders (CAL4). */
      name: string;
      contactName: string;
      email?: string;
      phone?: string;
      contactOn: string;
      nextContactOn: string;
      status: FollowUpStatus;
    };

export const initialFollowUpState: FollowUpState = { exists: false };

export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  if (event.type === 'FollowUpRegistered') {
    const { followUpId, ownerId, name, contactName, email, phone, contactOn, nextContactOn } = event.data;
    const optional = { ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}) };
    return { exists: true, followUpId, ownerId, name, contactName, ...optional, contactOn, nextContactOn, status: 'open' };
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
