import type { DomainEvent } from '../shared/decider';

export const TEMPERATURES = ['cold', 'warm', 'hot'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

/** Lead status (T14): every customer starts as `new`. */
export const LEAD_STATUSES = ['new', 'in_progress', 'sale', 'no_sale'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Where the customer is in the buying journey (T3), e.g. `research` with a sub-moment. */
export interface Moment {
  moment: string;
  subMoment?: string;
}

export const ENTRY_METHODS = ['chatbot', 'lead_ads', 'api', 'form', 'manual'] as const;
export type EntryMethod = (typeof ENTRY_METHODS)[number];

/** Where a lead came from (T1). */
export interface LeadOrigin {
  location?: string;
  firstContactAt?: string;
  site?: string;
  generatedAtUrl?: string;
  clickOrigin?: string;
  ip?: string;
  medium?: { campaign?: string; ads?: string };
  entryMethod?: EntryMethod;
  extraAttributes?: Record<string, string>;
}

/** The customer's contact data: the fields that "edit data" (T2) may change. */
export interface CustomerData {
  name: string;
  phones: string[];
  email?: string;
  whatsapp?: string;
  media?: string;
  channel?: string;
  brokerId?: string;
}

export const EDITABLE_FIELDS = ['name', 'phones', 'email', 'whatsapp', 'media', 'channel', 'brokerId'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type CustomerRegistered = DomainEvent<
  'CustomerRegistered',
  CustomerData & {
    customerId: string;
    objective?: string;
    temperature?: Temperature;
    productOfInterestId?: string;
    origin?: LeadOrigin;
  }
>;

/** One changed field of an edit; `from`/`to` are absent when the field was unset. */
export interface FieldChange {
  field: EditableField;
  from?: unknown;
  to?: unknown;
}

export type CustomerDataEdited = DomainEvent<'CustomerDataEdited', { customerId: string; changes: FieldChange[] }>;

/** T3. `from` is absent when the customer had no temperature yet. */
export type TemperatureChanged = DomainEvent<'TemperatureChanged', { customerId: string; from?: Temperature; to: Temperature }>;

/** T3: back one step in the history of temperatures (an undo, see ADR "temperature revert"). */
export type TemperatureReverted = DomainEvent<'TemperatureReverted', { customerId: string; from: Temperature; to: Temperature }>;

export type ObjectiveChanged = DomainEvent<'ObjectiveChanged', { customerId: string; from?: string; to: string }>;

export type MomentChanged = DomainEvent<'MomentChanged', { customerId: string; from?: Moment; to: Moment }>;

/** T4 */
export type ProductOfInterestChanged = DomainEvent<'ProductOfInterestChanged', { customerId: string; from?: string; to: string }>;

/** T6. Money is stored as integer cents: exact, and no float ever enters the log. */
export type ProposalRegistered = DomainEvent<
  'ProposalRegistered',
  { customerId: string; proposalId: string; productId: string; amountCents: number; notes?: string }
>;

/** T6: an open proposal became a sale. */
export type ProposalMarkedAsSale = DomainEvent<'ProposalMarkedAsSale', { customerId: string; proposalId: string }>;

/**
 * T14: the lead status moved: by hand, as a consequence of another event of the same command, or
 * because a scheduled change fell due (`scheduleId` names it; absent otherwise).
 */
export type LeadStatusChanged = DomainEvent<'LeadStatusChanged', { customerId: string; from: LeadStatus; to: LeadStatus; scheduleId?: string }>;

/** T14: the lead status is to become `to` at instant `at` (UTC); it replaces the change pending, if any. */
export type LeadStatusChangeScheduled = DomainEvent<'LeadStatusChangeScheduled', { customerId: string; scheduleId: string; to: LeadStatus; at: string }>;

/** Why a scheduled change was dropped without a user asking: the customer already had that status when it fell due. */
export const SCHEDULE_CANCEL_REASONS = ['already_in_status'] as const;
export type ScheduleCancelReason = (typeof SCHEDULE_CANCEL_REASONS)[number];

/** T14: the pending scheduled change will not happen; without `reason`, a user cancelled it. */
export type LeadStatusChangeCancelled = DomainEvent<'LeadStatusChangeCancelled', { customerId: string; scheduleId: string; reason?: ScheduleCancelReason }>;

/** T8: the customer is not interested; they stay in the broker's portfolio. */
export type DisinterestInformed = DomainEvent<'DisinterestInformed', { customerId: string; reason: string }>;

/** T7 */
export type CommentAdded = DomainEvent<'CommentAdded', { customerId: string; commentId: string; text: string }>;

/**
 * T10: the customer was deleted (LGPD erasure). It carries no personal data; its data key is
 * destroyed right after it is appended, so every personal value of the customer reads as a
 * placeholder from then on (ADR 0017). Nothing can be appended for the customer afterwards.
 */
export type CustomerDeleted = DomainEvent<'CustomerDeleted', { customerId: string }>;

/** T13: the rating of the lead, 0 to 5 stars (seed 001, "Qualificação"); `from` is absent when it had none. */
export type RatingChanged = DomainEvent<'RatingChanged', { customerId: string; from?: number; to: number }>;

/** T15: a note on the customer (seed 001, the "Notas" tab); its text is personal data. */
export type NoteAdded = DomainEvent<'NoteAdded', { customerId: string; noteId: string; text: string }>;

/** T9: what a registration that is not a customer is (seed 000: "Fornecedor, Teste, colaborador, etc."). */
export const NON_CUSTOMER_KINDS = ['supplier', 'test', 'employee', 'other'] as const;
export type NonCustomerKind = (typeof NON_CUSTOMER_KINDS)[number];

/**
 * T12: the exceptions that take a customer out of their broker's portfolio (seed 000: "Cliente
 * Expirado, Oferta Ativa, Deny List"). T9's non-customer does the same, with its own events.
 */
export const PORTFOLIO_EXCEPTIONS = ['expired', 'active_offer', 'deny_list'] as const;
export type PortfolioException = (typeof PORTFOLIO_EXCEPTIONS)[number];

/**
 * T9: the registration is not a customer (a supplier, a test, an employee …): it leaves every
 * broker's portfolio (ADR 0038). `note` is free text, personal data. `fromKind` is present when
 * it was already a non-customer, and names the kind it had (a change of kind or of note).
 */
export type MarkedAsNonCustomer = DomainEvent<'MarkedAsNonCustomer', { customerId: string; kind: NonCustomerKind; note?: string; fromKind?: NonCustomerKind }>;

/** T9, undone: a customer again, back in their broker's portfolio unless an exception holds; `kind` is the one it had. */
export type UnmarkedAsNonCustomer = DomainEvent<'UnmarkedAsNonCustomer', { customerId: string; kind: NonCustomerKind }>;

/** T12: one of the exceptions now holds; the customer is in no broker's portfolio while it does. */
export type PortfolioExceptionSet = DomainEvent<'PortfolioExceptionSet', { customerId: string; exception: PortfolioException }>;

/** T12: the exception no longer holds. */
export type PortfolioExceptionCleared = DomainEvent<'PortfolioExceptionCleared', { customerId: string; exception: PortfolioException }>;

/** CS6: the customer's one marker, a live marker of the catalogue when it was set. */
export type CustomerMarkerSet = DomainEvent<'CustomerMarkerSet', { customerId: string; markerId: string }>;

/** CS6: the customer has no marker any more; `markerId` is the one they had. */
export type CustomerMarkerCleared = DomainEvent<'CustomerMarkerCleared', { customerId: string; markerId: string }>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerDataEdited
  | TemperatureChanged
  | TemperatureReverted
  | ObjectiveChanged
  | MomentChanged
  | ProductOfInterestChanged
  | ProposalRegistered
  | ProposalMarkedAsSale
  | LeadStatusChanged
  | LeadStatusChangeScheduled
  | LeadStatusChangeCancelled
  | DisinterestInformed
  | CommentAdded
  | CustomerDeleted
  | CustomerMarkerSet
  | CustomerMarkerCleared
  | RatingChanged
  | NoteAdded
  | MarkedAsNonCustomer
  | UnmarkedAsNonCustomer
  | PortfolioExceptionSet
  | PortfolioExceptionCleared;

/** Every customer event type: stable names, never renamed (ARCHITECTURE rule 3). */
export const CUSTOMER_EVENT_TYPES = [
  'CustomerRegistered',
  'CustomerDataEdited',
  'TemperatureChanged',
  'TemperatureReverted',
  'ObjectiveChanged',
  'MomentChanged',
  'ProductOfInterestChanged',
  'ProposalRegistered',
  'ProposalMarkedAsSale',
  'LeadStatusChanged',
  'DisinterestInformed',
  'CommentAdded',
  'CustomerDeleted',
  'CustomerMarkerSet',
  'CustomerMarkerCleared',
  'LeadStatusChangeScheduled',
  'LeadStatusChangeCancelled',
  'RatingChanged',
  'NoteAdded',
  'MarkedAsNonCustomer',
  'UnmarkedAsNonCustomer',
  'PortfolioExceptionSet',
  'PortfolioExceptionCleared',
] as const satisfies readonly CustomerEvent['type'][];

export const customerStreamId = (customerId: string) => `customer-${customerId}`;
export const CUSTOMER_STREAM_PREFIX = 'customer-';
