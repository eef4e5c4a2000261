import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { APPOINTMENT_KINDS, EDITABLE_FIELDS, ENTRY_METHODS, LEAD_STATUSES, NON_CUSTOMER_KINDS, PORTFOLIO_EXCEPTIONS, SCHEDULE_CANCEL_REASONS, TEMPERATURES } from '@trilha/domain';
import type { TimelineType } from '@trilha/projections/timeline';

const text = (description?: string): SchemaObject => ({ type: 'string', ...(description ? { description } : {}) });
/** OpenAPI 3.0: `nullable` does not widen an `enum`, so null is listed among its values too. */
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true, ...(schema.enum ? { enum: [...schema.enum, null] } : {}) });
const oneOf = (values: readonly string[], description?: string): SchemaObject => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const stars = (description?: string): SchemaObject => ({ type: 'integer', minimum: 0, maximum: 5, ...(description ? { description } : {}) });
const uuid = (description?: string): SchemaObject => ({ ...text(description), format: 'uuid' });
const instant = (description?: string): SchemaObject => ({ ...text(description), format: 'date-time' });

/** An object with exactly these fields; every field is required unless listed in `optional`. */
function fields(properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties).filter((name) => !optional.includes(name)), properties };
}

const LOOKED_UP = 'looked up when read; null when unknown';
const CONTACT_DETAILS = 'The contact; their details (personal data) are in GET /customers/{id}/contacts';
const moment = fields({ moment: text(), subMoment: text() }, ['subMoment']);
/** CS6: a marker, its current name and emoji looked up when read. */
const marker = (): SchemaObject => fields({ markerId: uuid(), markerName: nullable(text(`The marker's name, ${LOOKED_UP}`)), markerEmoji: nullable(text(`The marker's emoji, ${LOOKED_UP}`)) });
const appointmentKind = nullable(oneOf(APPOINTMENT_KINDS, `The appointment's kind, ${LOOKED_UP}`));

/** The `data` of each timeline type (projections/timeline/timeline-types.ts), as OpenAPI schemas. */
export const TIMELINE_DATA_SCHEMAS: { [T in TimelineType]: SchemaObject } = {
  customer_registered: fields({
    channel: nullable(text()),
    media: nullable(text()),
    entryMethod: nullable(oneOf(ENTRY_METHODS)),
    brokerId: nullable(text('The responsible broker')),
  }),
  data_edited: fields({ fields: { type: 'array', items: oneOf(EDITABLE_FIELDS), description: 'The fields changed; their values are in GET /customers/{id}/changes' } }),
  temperature_changed: fields({ from: nullable(oneOf(TEMPERATURES)), to: oneOf(TEMPERATURES) }),
  temperature_reverted: fields({ from: oneOf(TEMPERATURES), to: oneOf(TEMPERATURES) }),
  objective_changed: fields({ from: nullable(text()), to: text() }),
  moment_changed: fields({ from: nullable(moment), to: moment }),
  product_of_interest_changed: fields({ from: nullable(text()), to: text() }),
  proposal_registered: fields({
    proposalId: uuid(),
    productId: text(),
    amount: text('Decimal with two places, e.g. "1500.00"'),
    amountCents: { type: 'integer', description: 'The same amount in cents' },
    notes: nullable(text()),
  }),
  proposal_marked_as_sale: fields({
    proposalId: uuid(),
    productId: nullable(text(`The proposal's product, ${LOOKED_UP}`)),
    amount: nullable(text(`The proposal's amount, ${LOOKED_UP}`)),
    amountCents: nullable({ type: 'integer', description: `The amount in cents, ${LOOKED_UP}` }),
  }),
  lead_status_changed: fields({
    from: oneOf(LEAD_STATUSES),
    to: oneOf(LEAD_STATUSES),
    scheduleId: nullable(uuid('The scheduled change that fell due; null for a change by hand or by another event')),
  }),
  disinterest_informed: fields({ reason: text() }),
  comment_added: fields({ commentId: text(), text: text() }),
  appointment_scheduled: fields({
    appointmentId: uuid(),
    kind: oneOf(APPOINTMENT_KINDS),
    scheduledFor: instant(),
    responsibleId: text(),
    notes: nullable(text()),
  }),
  appointment_rescheduled: fields({ appointmentId: uuid(), kind: appointmentKind, from: instant('The instant it was scheduled for until then'), scheduledFor: instant() }),
  appointment_confirmed: fields({ appointmentId: uuid(), kind: appointmentKind }),
  appointment_succeeded: fields({ appointmentId: uuid(), kind: appointmentKind }),
  appointment_lost: fields({
    appointmentId: uuid(),
    kind: appointmentKind,
    reason: text(),
    loseFutureCycle: { type: 'boolean', description: "The user lost the customer's later appointments with this one" },
    cycleOf: nullable(uuid('Lost with the future cycle of this appointment')),
  }),
  placed_in_wallet: fields({
    walletId: uuid(),
    walletName: nullable(text(LOOKED_UP)),
    fromWalletId: nullable(uuid('The wallet the customer was moved from')),
    fromWalletName: nullable(text(LOOKED_UP)),
    journeyId: nullable(uuid()),
    journeyName: nullable(text(LOOKED_UP)),
    stepId: nullable(text('The first step of the journey, where the customer entered it')),
    stepName: nullable(text(LOOKED_UP)),
  }),
  stage_moved: fields({
    journeyId: uuid(),
    journeyName: nullable(text(LOOKED_UP)),
    fromStepId: text(),
    fromStepName: nullable(text(LOOKED_UP)),
    toStepId: text(),
    toStepName: nullable(text(LOOKED_UP)),
  }),
  milestone_completed: fields({
    journeyId: uuid(),
    journeyName: nullable(text(LOOKED_UP)),
    stepId: text(),
    stepName: nullable(text(LOOKED_UP)),
    milestoneId: text(),
    milestoneName: nullable(text(LOOKED_UP)),
    completedOn: { type: 'string', format: 'date' },
  }),
  step_concluded: fields({
    journeyId: uuid(),
    journeyName: nullable(text(LOOKED_UP)),
    stepId: text(),
    stepName: nullable(text(LOOKED_UP)),
    concludedOn: { type: 'string', format: 'date' },
  }),
  customer_deleted: fields({}),
  marker_set: marker(),
  marker_cleared: marker(),
  lead_status_change_scheduled: fields({ scheduleId: uuid(), to: oneOf(LEAD_STATUSES), at: instant('When the change is to happen') }),
  lead_status_change_cancelled: fields({
    scheduleId: uuid(),
    to: nullable(oneOf(LEAD_STATUSES, `The status the change was to set, ${LOOKED_UP}`)),
    at: nullable(instant(`When the change was to happen, ${LOOKED_UP}`)),
    reason: nullable(oneOf(SCHEDULE_CANCEL_REASONS, 'null: cancelled by a user; already_in_status: the lead had that status when it fell due')),
  }),
  rating_changed: fields({ from: nullable(stars('The stars before; null when the customer had no rating')), to: stars('The stars now') }),
  note_added: fields({ noteId: uuid('The note; its text is in GET /customers/{id}/notes') }),
  non_customer_marked: fields({
    kind: oneOf(NON_CUSTOMER_KINDS),
    fromKind: nullable(oneOf(NON_CUSTOMER_KINDS, 'The kind it had when it already was a non-customer (a change of kind or note); null otherwise')),
    note: nullable(text('Why it is not a customer; "[dado removido]" once the customer was erased')),
  }),
  non_customer_unmarked: fields({ kind: oneOf(NON_CUSTOMER_KINDS, 'The kind it had') }),
  portfolio_exception_set: fields({ exception: oneOf(PORTFOLIO_EXCEPTIONS) }),
  portfolio_exception_cleared: fields({ exception: oneOf(PORTFOLIO_EXCEPTIONS) }),
  contact_added: fields({ contactId: uuid(CONTACT_DETAILS) }),
  contact_edited: fields({ contactId: uuid(CONTACT_DETAILS) }),
  contact_removed: fields({ contactId: uuid('The contact removed') }),
  primary_contact_set: fields({ contactId: uuid('The primary contact now'), previousContactId: nullable(uuid('The primary contact before; null when there was none')) }),
  primary_contact_unset: fields({ contactId: uuid('The contact that was the primary one') }),
};
