import type { CommandContext } from '../commands/command-context';
import { entityIdFor } from '../commands/deterministic-ids';

/**
 * The context of one part of a command that appends to several streams. Event ids are unique
 * in the whole store and derive from the command id, so each part gets its own id, derived from
 * the request's: a retry repeats every part under the same ids. The request's command caused it.
 */
export function subCommandContext(context: CommandContext, part: string): CommandContext {
  const { expectedRevision: _onlyForTheMainStream, ...rest } = context;
  return { ...rest, commandId: entityIdFor(context.commandId, part), causationId: context.commandId };
}
