import type { DomainEvent } from '../shared/decider';

/**
 * A follow-up opportunity registered by hand from the calendar (CAL6, seed 004 items 7–8): a
 * company or customer name, the main contact, and when to contact them next. It is not a
 * customer of the base: it has its own stream and its own data key (ADR 0037).
 */
export const FOLLOW_UP_NAME_MAX = 256;
export const FOLLOW_UP_EMAIL_MAX = 254;
/** Written as typed (`+55 (11) 98888-0000`): at most this many characters… */
export const FOLLOW_UP_PHONE_MAX = 32;
/** …holding this many digits (E.164 numbers have at most 15). */
export const FOLLOW_UP_PHONE_DIGITS = { min: 8, max: 15 } as const;
/** Seed 004's message typed by the user; the seeds' limit for free text. */
export const FOLLOW_UP_MESSAGE_MAX = 4000;

/** `open` until it is resolved by call or its email is sent (CAL5): both mark it done. */
export const FOLLOW_UP_STATUSES = ['open', 'resolved_by_call', 'email_sent'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** What a follow-up is registered with: the command's fields, the event's data, the state's. */
export type FollowUpDetails = {
  followUpId: string;
  /** Who registered it: whose calendar it is on. */
  ownerId: string;
  /** The company or customer name. */
  name: string;
  contactName: string;
  email?: string;
  phone?: string;
  /** `YYYY-MM-DD`: when the contact took place. */
  contactOn: string;
  /** `YYYY-MM-DD`: the day it shows on the calendar. */
  nextContactOn: string;
};

export type FollowUpRegistered = DomainEvent<'FollowUpRegistered', FollowUpDetails>;

/** Moved to another day (CAL5); `from` is the day it was on. */
export type FollowUpRescheduled = DomainEvent<'FollowUpRescheduled', { followUpId: string; from: string; nextContactOn: string }>;

export type FollowUpResolvedByCall = DomainEvent<'FollowUpResolvedByCall', { followUpId: string }>;

/**
 * The user sent the message typed on the calendar by email (CAL5). Trilha records it; it does
 * not deliver mail itself (ADR 0037). `message` is the text as sent, its placeholders replaced;
 * `templateId` is the saved template it came from (CAL4, ADR 0039).
 */
export type FollowUpEmailSent = DomainEvent<'FollowUpEmailSent', { followUpId: string; to: string; message: string; templateId?: string }>;

/**
 * Erased on request (LGPD, ADR 0042): appended before the follow-up's data key is destroyed, so its
 * personal fields read as placeholders from then on and no command may append to it again.
 */
export type FollowUpDeleted = DomainEvent<'FollowUpDeleted', { followUpId: string }>;

export type FollowUpEvent = FollowUpRegistered | FollowUpRescheduled | FollowUpResolvedByCall | FollowUpEmailSent | FollowUpDeleted;

/** Never starting with `customer-`: that prefix is the customers'. */
export const FOLLOW_UP_STREAM_PREFIX = 'followup-';
export const followUpStreamId = (followUpId: string) => `${FOLLOW_UP_STREAM_PREFIX}${followUpId}`;
