import type { AddNote } from './commands';
import type { CustomerEvent } from './events';
import { existingCustomer } from './existing-customer';
import { NOTE_MAX } from './limits';
import { requiredText } from './required-text';
import type { CustomerState } from './state';

/** T15: a note on the customer, stored trimmed; 1..NOTE_MAX characters once trimmed. */
export function decideAddNote(command: AddNote, state: CustomerState): CustomerEvent[] {
  existingCustomer(state, command.customerId);
  const text = requiredText('text', command.text.trim(), NOTE_MAX);
  return [{ type: 'NoteAdded', data: { customerId: command.customerId, noteId: command.noteId, text } }];
}
