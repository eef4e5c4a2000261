import { ApiHeader } from '@nestjs/swagger';
import type { CommandResult } from '../commands/command-result';
import type { CommandAnswerDto } from './command-answer.dto';

export const IdempotencyKeyHeader = () =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to retry safely: the command runs once' });

export const IfMatchHeader = () =>
  ApiHeader({ name: 'If-Match', required: false, description: 'The revision you last read, e.g. "3": a different current revision answers 409' });

/** The command answer of API.md: what was appended, without internal flags. */
export function answer({ id, revision, position }: CommandResult): CommandAnswerDto {
  return { id, revision, position };
}
