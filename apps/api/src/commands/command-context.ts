/** Who and what a command comes from; copied into every event's metadata envelope (SPEC P1). */
export interface Actor {
  id: string;
  role: string;
  name?: string;
  kind: 'user' | 'customer' | 'system';
}

export interface CommandContext {
  actor: Actor;
  /** Stable per request: derived from the Idempotency-Key when given, else generated. */
  commandId: string;
  /**
   * True when `commandId` (or the request's id it derives from) was generated for this request:
   * no earlier attempt can have appended under it, so the pipeline may append from its cache
   * (ADR 0026). Absent: the command may be a repeat, which only a read of the stream can tell.
   */
  commandIdIsNew?: boolean;
  correlationId: string;
  /** The message that caused this command (the HTTP request's correlation id by default). */
  causationId: string;
  /** From `If-Match`: the stream revision the client last saw; a different one is a conflict. */
  expectedRevision?: bigint;
}
