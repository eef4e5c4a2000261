import { conflict, invalid, notFound } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import { MESSAGE_TEMPLATE_BODY_MAX, type MessageTemplateEvent } from './events';
import { checkPlaceholders } from './placeholders';

export type MessageTemplateState =
  | { status: 'none' }
  | { status: 'abandoned' }
  | { status: 'live' | 'deleted'; templateId: string; body: string };

export type CreateMessageTemplate = { type: 'CreateMessageTemplate'; templateId: string; body: string };
export type ChangeMessageTemplateBody = { type: 'ChangeMessageTemplateBody'; templateId: string; body: string };
export type DeleteMessageTemplate = { type: 'DeleteMessageTemplate'; templateId: string };
export type AbandonMessageTemplateCreation = { type: 'AbandonMessageTemplateCreation'; templateId: string; takenOverBy: string };

export type MessageTemplateCommand = CreateMessageTemplate | ChangeMessageTemplateBody | DeleteMessageTemplate | AbandonMessageTemplateCreation;

/** Trimmed, 1..4000 characters, only known placeholders (checked when saved, so a template always renders). */
export function templateBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.length === 0) throw invalid('body', 'body is required');
  if (trimmed.length > MESSAGE_TEMPLATE_BODY_MAX) throw invalid('body', `body must be at most ${MESSAGE_TEMPLATE_BODY_MAX} characters`);
  checkPlaceholders('body', trimmed);
  return trimmed;
}

export function messageTemplateNotFound(templateId: string) {
  return notFound('message_template_not_found', `Message template ${templateId} does not exist or was deleted`);
}

function evolve(state: MessageTemplateState, event: MessageTemplateEvent): MessageTemplateState {
  switch (event.type) {
    case 'MessageTemplateCreated':
      return { status: 'live', templateId: event.data.templateId, body: event.data.body };
    case 'MessageTemplateBodyChanged':
      return state.status === 'live' ? { ...state, body: event.data.body } : state;
    case 'MessageTemplateDeleted':
      return state.status === 'live' ? { ...state, status: 'deleted' } : state;
    case 'MessageTemplateCreationAbandoned':
      return { status: 'abandoned' };
    default:
      return state;
  }
}

export const messageTemplateDecider: Decider<MessageTemplateCommand, MessageTemplateState, MessageTemplateEvent> = {
  initialState: { status: 'none' },
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'CreateMessageTemplate': {
        const body = templateBody(command.body);
        if (state.status !== 'none') throw conflict('message_template_exists', `Message template ${command.templateId} already exists`);
        return [{ type: 'MessageTemplateCreated', data: { templateId: command.templateId, body } }];
      }
      case 'ChangeMessageTemplateBody': {
        const body = templateBody(command.body);
        if (state.status !== 'live') throw messageTemplateNotFound(command.templateId);
        return body === state.body ? [] : [{ type: 'MessageTemplateBodyChanged', data: { templateId: command.templateId, body } }];
      }
      case 'DeleteMessageTemplate':
        if (state.status !== 'live') throw messageTemplateNotFound(command.templateId);
        return [{ type: 'MessageTemplateDeleted', data: { templateId: command.templateId } }];
      case 'AbandonMessageTemplateCreation':
        if (state.status === 'abandoned') return [];
        if (state.status !== 'none') throw conflict('message_template_exists', `Message template ${command.templateId} already exists`);
        return [{ type: 'MessageTemplateCreationAbandoned', data: { templateId: command.templateId, takenOverBy: command.takenOverBy } }];
    }
  },
};
