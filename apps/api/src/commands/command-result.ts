/** What a command answers (API.md): the aggregate id, its stream revision and global position. */
export interface CommandResult {
  id: string;
  revision: string;
  position: string | null;
  /** Whether this call appended events (false for a replayed Idempotency-Key or a no-op). */
  appended: boolean;
}
