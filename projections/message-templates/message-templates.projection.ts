import { MESSAGE_TEMPLATE_NAMES_STREAM_ID, MESSAGE_TEMPLATE_STREAM_PREFIX, type MessageTemplateEvent, type MessageTemplateNameEvent } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedUpdate, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';

export const MESSAGE_TEMPLATES = 'message-templates';
/** One document per template whose name was claimed; `live` once created, until deleted. */
export const MESSAGE_TEMPLATES_COLLECTION = 'message_templates';

/** A saved message template (CAL4) as GET /message-templates lists it. */
export type MessageTemplateDocument = {
  _id: string;
  /** From the name registry's stream; absent until claimed (it always is before creation). */
  name?: string;
  body?: string;
  live: boolean;
  createdAt?: string;
  updatedAt?: string;
};

/** By name, then id. */
export const MESSAGE_TEMPLATES_SORT = { name: 1 } as const;

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as MessageTemplateEvent | MessageTemplateNameEvent;
  const at = event.metadata.occurredAt ?? event.created;
  const update = ($set: Partial<MessageTemplateDocument>, upsert = false) =>
    guardedUpdate(MESSAGE_TEMPLATES_COLLECTION, e.data.templateId, event, { $set }, { upsert });
  switch (e.type) {
    case 'MessageTemplateNameClaimed':
      // A rename is a claim with previousName; a new template's name comes before its creation.
      return [update(e.data.previousName === undefined ? { name: e.data.name } : { name: e.data.name, updatedAt: at }, true)];
    case 'MessageTemplateCreated':
      return [update({ body: e.data.body, live: true, createdAt: at, updatedAt: at }, true)];
    case 'MessageTemplateBodyChanged':
      return [update({ body: e.data.body, updatedAt: at })];
    case 'MessageTemplateDeleted':
      return [update({ live: false })];
    default:
      // A released name or an abandoned creation changes nothing that is listed.
      return [];
  }
}

/** CAL4: the saved message templates, for GET /message-templates. */
export const messageTemplatesProjection: ProjectionDefinition = {
  name: MESSAGE_TEMPLATES,
  version: 1,
  collections: [{ name: MESSAGE_TEMPLATES_COLLECTION, readIndexes: [{ fields: { live: 1, name: 1, _id: 1 } }], scalarFields: ['live', 'name'] }],
  filter: {
    streamPrefixes: [MESSAGE_TEMPLATE_STREAM_PREFIX, MESSAGE_TEMPLATE_NAMES_STREAM_ID],
    eventTypes: ['MessageTemplateNameClaimed', 'MessageTemplateCreated', 'MessageTemplateBodyChanged', 'MessageTemplateDeleted'],
  },
  handle,
};
