import type { CustomerData, LeadOrigin, LeadStatus, Moment, NonCustomerKind, PortfolioException, Temperature } from './events';

export type RegisterCustomer = {
  type: 'RegisterCustomer';
  customerId: string;
  data: CustomerData;
  objective?: string;
  temperature?: Temperature;
  productOfInterestId?: string;
  origin?: LeadOrigin;
};

/** Only the fields present are edited; `null` clears an optional field. */
export type EditCustomerData = {
  type: 'EditCustomerData';
  customerId: string;
  changes: Partial<{ [K in keyof CustomerData]: CustomerData[K] | null }>;
};

export type ChangeTemperature = { type: 'ChangeTemperature'; customerId: string; temperature: Temperature };
export type RevertTemperature = { type: 'RevertTemperature'; customerId: string };
export type ChangeObjective = { type: 'ChangeObjective'; customerId: string; objective: string };
export type ChangeMoment = { type: 'ChangeMoment'; customerId: string } & Moment;
export type ChangeProductOfInterest = { type: 'ChangeProductOfInterest'; customerId: string; productId: string };

/** `proposalId` is chosen by the caller (derived from the command id, so retries find it). */
export type RegisterProposal = {
  type: 'RegisterProposal';
  customerId: string;
  proposalId: string;
  productId: string;
  amountCents: number;
  notes?: string;
};
export type MarkProposalAsSale = { type: 'MarkProposalAsSale'; customerId: string; proposalId: string };

export type InformDisinterest = { type: 'InformDisinterest'; customerId: string; reason: string };
export type AddComment = { type: 'AddComment'; customerId: string; commentId: string; text: string };

/** T10: erase the customer's personal data (the caller then destroys the data key). */
export type DeleteCustomer = { type: 'DeleteCustomer'; customerId: string };

/**
 * CS6. `marker` is what the caller read from the marker catalogue's stream: undefined when the
 * id names no marker, or a deleted one.
 */
export type SetCustomerMarker = { type: 'SetCustomerMarker'; customerId: string; markerId: string; marker: { markerId: string } | undefined };
export type ClearCustomerMarker = { type: 'ClearCustomerMarker'; customerId: string };

/** T14: set the lead status by hand. */
export type ChangeLeadStatus = { type: 'ChangeLeadStatus'; customerId: string; status: LeadStatus };

/**
 * T14: plan a change of the lead status for instant `at` (ISO 8601 with an offset). `scheduleId`
 * is chosen by the caller (derived from the command id, so that a retry names the same one).
 */
export type ScheduleLeadStatusChange = { type: 'ScheduleLeadStatusChange'; customerId: string; scheduleId: string; status: LeadStatus; at: string };
export type CancelScheduledLeadStatusChange = { type: 'CancelScheduledLeadStatusChange'; customerId: string };

/** T14, internal (the scheduler): carry out scheduled change `scheduleId` if it is still pending and due. */
export type ApplyScheduledLeadStatusChange = { type: 'ApplyScheduledLeadStatusChange'; customerId: string; scheduleId: string };

/** T13: `rating` as the caller sent it; the decider refuses anything but an integer 0..5. */
export type ChangeRating = { type: 'ChangeRating'; customerId: string; rating: number };

/** T15. `noteId` is chosen by the caller (derived from the command id, so retries find it). */
export type AddNote = { type: 'AddNote'; customerId: string; noteId: string; text: string };

/**
 * T9: `kind` and `note` as the caller sent them; the decider refuses a kind it does not know and a
 * note too long, and drops a blank one. Marking again with the same kind and note appends nothing.
 */
export type MarkAsNonCustomer = { type: 'MarkAsNonCustomer'; customerId: string; kind: NonCustomerKind; note?: string };
/** T9, undone; on a customer who is not marked it appends nothing. */
export type UnmarkAsNonCustomer = { type: 'UnmarkAsNonCustomer'; customerId: string };

/** T12: `exception` as the caller sent it (the decider refuses one it does not know). */
export type SetPortfolioException = { type: 'SetPortfolioException'; customerId: string; exception: PortfolioException };
export type ClearPortfolioException = { type: 'ClearPortfolioException'; customerId: string; exception: PortfolioException };

export type CustomerCommand =
  | RegisterCustomer
  | EditCustomerData
  | ChangeTemperature
  | RevertTemperature
  | ChangeObjective
  | ChangeMoment
  | ChangeProductOfInterest
  | RegisterProposal
  | MarkProposalAsSale
  | InformDisinterest
  | AddComment
  | DeleteCustomer
  | SetCustomerMarker
  | ClearCustomerMarker
  | ChangeLeadStatus
  | ScheduleLeadStatusChange
  | CancelScheduledLeadStatusChange
  | ApplyScheduledLeadStatusChange
  | ChangeRating
  | AddNote
  | MarkAsNonCustomer
  | UnmarkAsNonCustomer
  | SetPortfolioException
  | ClearPortfolioException;
