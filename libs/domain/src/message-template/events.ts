import type { DomainEvent } from '../shared/decider';

/**
 * Saved message templates (CAL4): a name and a body with placeholders, written by managers and
 * used to send a follow-up's email. Each template has its own stream; the names of all of them
 * live in one registry stream, which keeps them unique (ADR 0039).
 */
export const MESSAGE_TEMPLATE_NAME_MAX = 128;
/** The seeds' limit for free text. */
export const MESSAGE_TEMPLATE_BODY_MAX = 4000;

export type MessageTemplateCreated = DomainEvent<'MessageTemplateCreated', { templateId: string; body: string }>;
export type MessageTemplateBodyChanged = DomainEvent<'MessageTemplateBodyChanged', { templateId: string; body: string }>;
export type MessageTemplateDeleted = DomainEvent<'MessageTemplateDeleted', { templateId: string }>;
/**
 * Closes the stream of a template whose name was claimed but which was never created (a crash
 * in between), so that it never will be and another template may take the name.
 */
export type MessageTemplateCreationAbandoned = DomainEvent<'MessageTemplateCreationAbandoned', { templateId: string; takenOverBy: string }>;

export type MessageTemplateEvent = MessageTemplateCreated | MessageTemplateBodyChanged | MessageTemplateDeleted | MessageTemplateCreationAbandoned;

/**
 * `templateId` now holds `name`: a new template's name, or a rename (`previousName`), or a name
 * taken over from a template deleted or never created (`takenOverFrom`).
 */
export type MessageTemplateNameClaimed = DomainEvent<
  'MessageTemplateNameClaimed',
  { templateId: string; name: string; previousName?: string; takenOverFrom?: string }
>;
/** A deleted template's name is free again. */
export type MessageTemplateNameReleased = DomainEvent<'MessageTemplateNameReleased', { templateId: string; name: string }>;

export type MessageTemplateNameEvent = MessageTemplateNameClaimed | MessageTemplateNameReleased;

export const MESSAGE_TEMPLATE_STREAM_PREFIX = 'messagetemplate-';
export const messageTemplateStreamId = (templateId: string) => `${MESSAGE_TEMPLATE_STREAM_PREFIX}${templateId}`;
/** One stream for the names of every template (no `messagetemplate-` prefix: it is no template). */
export const MESSAGE_TEMPLATE_NAMES_STREAM_ID = 'messagetemplatenames';
