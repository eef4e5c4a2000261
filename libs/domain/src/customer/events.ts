import type { DomainEvent } from '../shared/decider';

export const TEMPERATURES = ['cold', 'warm', 'hot'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

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

export type CustomerEvent = CustomerRegistered | CustomerDataEdited;

export const customerStreamId = (customerId: string) => `customer-${customerId}`;
export const CUSTOMER_STREAM_PREFIX = 'customer-';
