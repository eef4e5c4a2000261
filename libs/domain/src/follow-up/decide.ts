import { conflict, invalid, notFound, rejected } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import { FOLLOW_UP_MESSAGE_MAX, type FollowUpDetails, type FollowUpEvent } from './events';
import { dateOnly, isFollowUpEmail, isFollowUpPhone, requiredName } from './fields';
import { checkPlaceholders, renderMessage } from '../message-template/placeholders';
import { followUpPlaceholderValues } from './message-values';
import { evolveFollowUp, initialFollowUpState, isFollowUpDone, type FollowUpState, type LiveFollowUp } from './state';

export type RegisterFollowUp = { type: 'RegisterFollowUp' } & FollowUpDetails;
export type RescheduleFollowUp = { type: 'RescheduleFollowUp'; followUpId: string; nextContactOn: string };
export type ResolveFollowUpByCall = { type: 'ResolveFollowUpByCall'; followUpId: string };
/**
 * `message` may use placeholders (CAL4), rendered with the follow-up's fields and `senderName`;
 * `templateId` names the saved template it came from, if any.
 */
export type SendFollowUpEmail = { type: 'SendFollowUpEmail'; followUpId: string; message: string; senderName?: string; templateId?: string };

/** LGPD erasure (ADR 0042): whether it is open or done. */
export type DeleteFollowUp = { type: 'DeleteFollowUp'; followUpId: string };

export type FollowUpCommand = RegisterFollowUp | RescheduleFollowUp | ResolveFollowUpByCall | SendFollowUpEmail | DeleteFollowUp;

function decideRegister(command: RegisterFollowUp, state: FollowUpState): FollowUpEvent[] {
  if (state.exists) throw conflict('follow_up_exists', `Follow-up ${command.followUpId} is already registered`);
  const name = requiredName('name', command.name);
  const contactName = requiredName('contactName', command.contactName);
  const email = command.email?.trim();
  if (email !== undefined && !isFollowUpEmail(email)) throw invalid('email', 'email must be an email address such as ana@example.com');
  const phone = command.phone?.trim();
  if (phone !== undefined && !isFollowUpPhone(phone)) throw invalid('phone', 'phone must hold 8 to 15 digits (spaces, +, -, ( ) and dots allowed)');
  const contactOn = dateOnly('contactOn', command.contactOn);
  const nextContactOn = notBefore(contactOn, dateOnly('nextContactOn', command.nextContactOn));
  const { followUpId, ownerId } = command;
  const data = { followUpId, ownerId, name, contactName, ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}), contactOn, nextContactOn };
  return [{ type: 'FollowUpRegistered', data }];
}

function decideReschedule(command: RescheduleFollowUp, state: FollowUpState): FollowUpEvent[] {
  const followUp = openFollowUp(state, command.followUpId, 'reschedule');
  const nextContactOn = notBefore(followUp.contactOn, dateOnly('nextContactOn', command.nextContactOn));
  if (nextContactOn === followUp.nextContactOn) return [];
  return [{ type: 'FollowUpRescheduled', data: { followUpId: followUp.followUpId, from: followUp.nextContactOn, nextContactOn } }];
}

function decideResolveByCall(command: ResolveFollowUpByCall, state: FollowUpState): FollowUpEvent[] {
  const followUp = openFollowUp(state, command.followUpId, 'resolve');
  return [{ type: 'FollowUpResolvedByCall', data: { followUpId: followUp.followUpId } }];
}

function decideSendEmail(command: SendFollowUpEmail, state: FollowUpState): FollowUpEvent[] {
  const followUp = openFollowUp(state, command.followUpId, 'send the email of');
  const message = command.message.trim();
  if (message.length === 0) throw invalid('message', 'message is required');
  if (message.length > FOLLOW_UP_MESSAGE_MAX) throw invalid('message', `message must be at most ${FOLLOW_UP_MESSAGE_MAX} characters`);
  checkPlaceholders('message', message);
  if (followUp.email === undefined) {
    throw rejected('follow_up_without_email', `Follow-up ${followUp.followUpId} has no email address to send to`, 'email');
  }
  // The event records the message as sent: its placeholders replaced.
  const rendered = renderMessage(message, followUpPlaceholderValues(followUp, command.senderName)).trim();
  if (rendered.length === 0) throw rejected('follow_up_message_empty', 'The message is empty once its placeholders are replaced', 'message');
  if (rendered.length > FOLLOW_UP_MESSAGE_MAX) {
    throw rejected('follow_up_message_too_long', `The message is ${rendered.length} characters once its placeholders are replaced; at most ${FOLLOW_UP_MESSAGE_MAX}`, 'message');
  }
  const templateId = command.templateId !== undefined ? { templateId: command.templateId } : {};
  return [{ type: 'FollowUpEmailSent', data: { followUpId: followUp.followUpId, to: followUp.email, message: rendered, ...templateId } }];
}

function decideDelete(command: DeleteFollowUp, state: FollowUpState): FollowUpEvent[] {
  const followUp = liveFollowUp(state, command.followUpId);
  return [{ type: 'FollowUpDeleted', data: { followUpId: followUp.followUpId } }];
}

export const followUpDecider: Decider<FollowUpCommand, FollowUpState, FollowUpEvent> = {
  initialState: initialFollowUpState,
  evolve: evolveFollowUp,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterFollowUp':
        return decideRegister(command, state);
      case 'RescheduleFollowUp':
        return decideReschedule(command, state);
      case 'ResolveFollowUpByCall':
        return decideResolveByCall(command, state);
      case 'SendFollowUpEmail':
        return decideSendEmail(command, state);
      case 'DeleteFollowUp':
        return decideDelete(command, state);
    }
  },
};

export function followUpNotFound(followUpId: string) {
  return notFound('follow_up_not_found', `Follow-up ${followUpId} does not exist`);
}

/** 409, as for a deleted customer: the follow-up is known, but nothing may be appended to it any more. */
export function followUpDeleted(followUpId: string) {
  return conflict('follow_up_deleted', `Follow-up ${followUpId} was deleted; its data is erased and it accepts no more changes`);
}

/** Every command but registration: 404 unknown, 409 deleted. */
function liveFollowUp(state: FollowUpState, followUpId: string): LiveFollowUp {
  if (!state.exists) throw followUpNotFound(followUpId);
  if (state.deleted) throw followUpDeleted(followUpId);
  return state;
}

/** The follow-up, if it exists and is not done yet: a done one is neither moved nor done again (422, as a closed appointment). */
function openFollowUp(state: FollowUpState, followUpId: string, action: string): LiveFollowUp {
  const followUp = liveFollowUp(state, followUpId);
  if (isFollowUpDone(followUp.status)) throw rejected('follow_up_done', `Cannot ${action} follow-up ${followUpId}: it is already done (${followUp.status})`);
  return followUp;
}

/** The next contact is on the contact date or later. */
function notBefore(contactOn: string, nextContactOn: string): string {
  if (nextContactOn < contactOn) throw rejected('next_contact_before_contact', `nextContactOn ${nextContactOn} is before the contact date ${contactOn}`, 'nextContactOn');
  return nextContactOn;
}
