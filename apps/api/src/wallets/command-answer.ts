import type { CommandResult } from '../commands/command-result';
import type { CommandAnswerDto } from '../customers/command-answer.dto';

/** The command answer of API.md: what was appended, without internal flags. */
export function commandAnswer({ id, revision, position }: CommandResult): CommandAnswerDto {
  return { id, revision, position };
}
