/**
 * Which values of which event payloads are personal data (LGPD) and are stored encrypted with
 * the customer's data key (ADR 0017). Every listed event carries `customerId`, the key's subject,
 * or `followUpId` for a follow-up opportunity, which has a key of its own (ADR 0037).
 *
 * A path is dotted; `a[].b` is `b` of every element of the array `a`. An element may be kept
 * out by `where` (an edit of `channel` is not personal, an edit of `email` is).
 */
export interface PersonalPath {
  path: string;
  where?: (element: Record<string, unknown>) => boolean;
}

/** The customer fields whose old and new values in CustomerDataEdited are personal. */
export const PERSONAL_CUSTOMER_FIELDS: readonly string[] = ['name', 'phones', 'email', 'whatsapp'];
const personalChange = (change: Record<string, unknown>) => PERSONAL_CUSTOMER_FIELDS.includes(String(change.field));

export const PERSONAL_FIELDS: Readonly<Record<string, readonly PersonalPath[]>> = {
  CustomerRegistered: [
    { path: 'name' },
    { path: 'phones' },
    { path: 'email' },
    { path: 'whatsapp' },
    { path: 'origin.ip' },
    // Where the lead was (a city, an address, coordinates) and whatever a bot captured.
    { path: 'origin.location' },
    { path: 'origin.extraAttributes' },
  ],
  CustomerDataEdited: [
    { path: 'changes[].from', where: personalChange },
    { path: 'changes[].to', where: personalChange },
  ],
  // Free text typed about the customer: it can name them, quote them, hold a phone number.
  CommentAdded: [{ path: 'text' }, { path: 'attachments' }],
  NoteAdded: [{ path: 'text' }],
  // T9: why a registration is not a customer, in the user's words.
  MarkedAsNonCustomer: [{ path: 'note' }],
  DisinterestInformed: [{ path: 'reason' }],
  ProposalRegistered: [{ path: 'notes' }],
  AppointmentScheduled: [{ path: 'notes' }],
  AppointmentLost: [{ path: 'reason' }],
  // A follow-up opportunity's contact (CAL6): the name may be a person's too (a customer's).
  FollowUpRegistered: [{ path: 'name' }, { path: 'contactName' }, { path: 'email' }, { path: 'phone' }],
  FollowUpEmailSent: [{ path: 'to' }, { path: 'message' }],
  // A customer's contacts (CS13): people, under the customer's key, so erasing the customer erases them.
  ContactAdded: [{ path: 'name' }, { path: 'role' }, { path: 'email' }, { path: 'phones' }, { path: 'whatsapp' }],
  ContactEdited: [{ path: 'name' }, { path: 'role' }, { path: 'email' }, { path: 'phones' }, { path: 'whatsapp' }],
};

/** The key subject of an event with personal data: the customer it is about, else the follow-up. */
export function personalDataSubject(data: Record<string, unknown>): string | undefined {
  if (typeof data.customerId === 'string') return data.customerId;
  return typeof data.followUpId === 'string' ? data.followUpId : undefined;
}
