import type { CommandResult } from '../commands/command-result';
import type { CommandAnswerDto } from '../customers/command-answer.dto';

/** Roles that act on customers' journeys (seed 002: analysts and administrators). */
export const JOURNEY_WORKERS = ['admin', 'manager', 'broker'] as const;

/** The command answer of API.md: what was appended, without internal flags. */
export function commandAnswer({ id, revision, position }: CommandResult): CommandAnswerDto {
  return { id, revision, position };
}
