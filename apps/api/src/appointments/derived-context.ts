import type { CommandContext } from '../commands/command-context';
import { entityIdFor } from '../commands/deterministic-ids';

/**
 * The context of a step a command takes on another stream: same actor and correlation, a command
 * id derived from the original (so a retried request repeats the step at most once, and its
 * event ids differ from the original's), no If-Match (that was about the addressed stream).
 */
export function derivedContext(context: CommandContext, step: string): CommandContext {
  const { expectedRevision: _ignored, ...rest } = context;
  return { ...rest, commandId: entityIdFor(context.commandId, step), causationId: context.commandId };
}
