import { conflict, invalid } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import { MESSAGE_TEMPLATE_NAME_MAX, type MessageTemplateNameEvent } from './events';

/** Which template holds each name (keyed by the normalized name), and each template's key. */
export type MessageTemplateNamesState = {
  holders: Readonly<Record<string, { templateId: string; name: string }>>;
  keys: Readonly<Record<string, string>>;
};

/**
 * Gives `name` to `templateId` (a new template's name or a rename). `takeOverFrom` names a holder
 * the caller found deleted or never created: only then may a name change hands.
 */
export type ClaimMessageTemplateName = { type: 'ClaimMessageTemplateName'; templateId: string; name: string; takeOverFrom?: string };
export type ReleaseMessageTemplateName = { type: 'ReleaseMessageTemplateName'; templateId: string };
export type MessageTemplateNameCommand = ClaimMessageTemplateName | ReleaseMessageTemplateName;

/** Two names that differ only by case, Unicode composition or surrounding spaces are the same name. */
export function normalizeTemplateName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** Trimmed, 1..128 characters. */
export function templateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalid('name', 'name is required');
  if (trimmed.length > MESSAGE_TEMPLATE_NAME_MAX) throw invalid('name', `name must be at most ${MESSAGE_TEMPLATE_NAME_MAX} characters`);
  return trimmed;
}

export function templateNameTaken(name: string) {
  return conflict('message_template_name_taken', `A message template named "${name}" already exists (names are unique, ignoring case)`);
}

function without<T>(record: Readonly<Record<string, T>>, key: string | undefined): Record<string, T> {
  const copy = { ...record };
  if (key !== undefined) delete copy[key];
  return copy;
}

function evolve(state: MessageTemplateNamesState, event: MessageTemplateNameEvent): MessageTemplateNamesState {
  const { templateId, name } = event.data;
  const oldKey = state.keys[templateId];
  if (event.type === 'MessageTemplateNameReleased') {
    return { holders: without(state.holders, oldKey), keys: without(state.keys, templateId) };
  }
  const key = normalizeTemplateName(name);
  const keys = without(without(state.keys, templateId), event.data.takenOverFrom);
  return { holders: { ...without(state.holders, oldKey), [key]: { templateId, name } }, keys: { ...keys, [templateId]: key } };
}

export const messageTemplateNamesDecider: Decider<MessageTemplateNameCommand, MessageTemplateNamesState, MessageTemplateNameEvent> = {
  initialState: { holders: {}, keys: {} },
  evolve,
  decide(command, state) {
    const { templateId } = command;
    const currentKey = state.keys[templateId];
    const current = currentKey === undefined ? undefined : state.holders[currentKey];
    if (command.type === 'ReleaseMessageTemplateName') {
      return current ? [{ type: 'MessageTemplateNameReleased', data: { templateId, name: current.name } }] : [];
    }
    const name = templateName(command.name);
    const holder = state.holders[normalizeTemplateName(name)];
    if (holder && holder.templateId !== templateId && holder.templateId !== command.takeOverFrom) throw templateNameTaken(name);
    if (current?.name === name) return [];
    const takenOverFrom = holder && holder.templateId !== templateId ? holder.templateId : undefined;
    const data = { templateId, name, ...(current ? { previousName: current.name } : {}), ...(takenOverFrom ? { takenOverFrom } : {}) };
    return [{ type: 'MessageTemplateNameClaimed', data }];
  },
};

/** The name `templateId` holds, if any. */
export function templateNameOf(state: MessageTemplateNamesState, templateId: string): string | undefined {
  const key = state.keys[templateId];
  return key === undefined ? undefined : state.holders[key]?.name;
}
