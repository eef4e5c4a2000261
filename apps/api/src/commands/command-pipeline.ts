import type { Decider, DomainEvent, UpcasterRegistry } from '@trilha/domain';
import { DomainError, sealAppend } from '@trilha/domain';
import {
  ConcurrencyError,
  positionToString,
  type EventData,
  type EventStore,
  type RecordedEvent,
} from '@trilha/event-store';
import { AggregateLoader, type StateFolder } from './aggregate-loader';
import { AggregateStateCache } from './aggregate-state-cache';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';
import { eventIdFor } from './deterministic-ids';
import type { StreamTail } from './stream-tail';

/**
 * What the pipeline needs of the personal-data vault (ADR 0017): encrypt a payload's personal
 * fields before sealing, decrypt stored events before folding.
 */
export interface PayloadCipher {
  encrypt(type: string, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  decrypt(event: RecordedEvent): Promise<RecordedEvent>;
}

/** No encryption (unit tests of the pipeline alone). */
const PLAINTEXT: PayloadCipher = { encrypt: async (_type, data) => data, decrypt: async (event) => event };

/** Tries after the first attempt when another writer appended to the stream in between. */
export const CONFLICT_RETRIES = 3;

export class CommandConflictError extends Error {
  constructor(readonly streamId: string, message = `Stream ${streamId} kept changing concurrently; try again`) {
    super(message);
    this.name = 'CommandConflictError';
  }
}

export interface PipelineRun<C, S, E extends DomainEvent> {
  streamId: string;
  aggregateId: string;
  decider: Decider<C, S, E>;
  command: C;
  context: CommandContext;
  /** The command's time when one request appends to several streams; else read from the clock. */
  now?: Date;
}

/**
 * Load, fold, decide, append with the revision read (ARCHITECTURE rule 2). A command whose id
 * is already in the stream answers as the first time did, without deciding again. Every event
 * appended is sealed into its stream's integrity chain (docs/adr/0015-audit-routes-and-integrity-chain.md),
 * after its personal fields were encrypted (docs/adr/0017-personal-data-encryption-and-erasure.md).
 *
 * On a cached stream a command first decides from the cache without reading (ADR 0026): only an
 * append, whose expected-revision check verifies the cache, answers from there. Anything else
 * (no events, a refusal, a conflict) is decided again on the stream as read.
 */
export class CommandPipeline {
  private readonly loader: AggregateLoader;

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    private readonly clock: () => Date = () => new Date(),
    private readonly cipher: PayloadCipher = PLAINTEXT,
    cache: AggregateStateCache = new AggregateStateCache(),
  ) {
    this.loader = new AggregateLoader(store, upcasters, cipher, cache);
  }

  /** The current state of a stream, through the same cache the commands use (ADR 0021). */
  async stateOf<S, E extends DomainEvent>(streamId: string, folder: StateFolder<S, E>): Promise<S> {
    const loaded = await this.loader.load(streamId, folder);
    return loaded.kind === 'folded' ? loaded.state : folder.initialState;
  }

  async run<C, S, E extends DomainEvent>(run: PipelineRun<C, S, E>): Promise<CommandResult> {
    const appended = await this.appendFromCache(run);
    if (appended) return appended;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(run);
      } catch (error) {
        // A stale If-Match is the client's conflict to resolve: it is not retried.
        if (!(error instanceof ConcurrencyError)) throw error;
        this.loader.drop(run.streamId, run.decider);
        if (attempt >= CONFLICT_RETRIES) throw new CommandConflictError(run.streamId);
      }
    }
  }

  /**
   * Decides on the cached state and appends expecting its revision, without reading the stream.
   * Undefined when that is not an append that succeeded: no entry, an If-Match to check, a
   * possible repeat, no events, a refusal or a conflict (the entry is then dropped). Not counted
   * among the conflict retries.
   *
   * A command id that may have been used before (an Idempotency-Key) always reads: the stores
   * answer an append of event ids already stored at the expected revision as a success without
   * writing (a retried append), which would pass a repeat off as a new append.
   */
  private async appendFromCache<C, S, E extends DomainEvent>(run: PipelineRun<C, S, E>): Promise<CommandResult | undefined> {
    if (!run.context.commandIdIsNew || run.context.expectedRevision !== undefined) return undefined;
    const cached = this.loader.cached(run.streamId, run.decider, run.context.commandId);
    if (!cached) return undefined;
    const now = run.now ?? this.clock();
    let events: E[];
    try {
      events = run.decider.decide(run.command, cached.state, now);
    } catch {
      return undefined; // a refusal on an unverified state: decided again on the stream as read
    }
    if (events.length === 0) return undefined;
    try {
      return await this.append(run, cached, events, now);
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        this.loader.drop(run.streamId, run.decider);
        return undefined;
      }
      // Encrypting may refuse too (a customer another process erased): the read decides the answer.
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  private async attempt<C, S, E extends DomainEvent>(run: PipelineRun<C, S, E>): Promise<CommandResult> {
    const loaded = await this.loader.load(run.streamId, run.decider, run.context.commandId);
    if (loaded.kind === 'answered') return this.answer(run.aggregateId, loaded.previous, false);
    const { state, last } = loaded;
    const expectedByClient = run.context.expectedRevision;
    if (expectedByClient !== undefined && (last?.revision ?? -1n) !== expectedByClient) {
      throw new CommandConflictError(run.streamId, `Stream ${run.streamId} is at revision ${last?.revision ?? -1n}, not ${expectedByClient} as given in If-Match`);
    }
    const now = run.now ?? this.clock();
    const events = run.decider.decide(run.command, state, now);
    if (events.length === 0) return { id: run.aggregateId, revision: last ? last.revision.toString() : '-1', position: last ? positionToString(last.position) : null, appended: false };
    return this.append(run, { state, last }, events, now);
  }

  /** Encrypts, seals onto `base.last`, appends expecting its revision, and folds the events into the cache. */
  private async append<C, S, E extends DomainEvent>(run: PipelineRun<C, S, E>, base: { state: S; last: StreamTail | undefined }, events: E[], now: Date): Promise<CommandResult> {
    const { last } = base;
    const expected = last ? last.revision : 'noStream';
    // Encrypted before sealing: the chain hashes what is stored, so it still verifies once a key is destroyed.
    const envelopes = await Promise.all(events.map(async (e, i) => this.envelope({ type: e.type, data: await this.cipher.encrypt(e.type, e.data as Record<string, unknown>) }, i, run.context, now)));
    const sealed = sealAppend(run.streamId, last, envelopes);
    const result = await this.store.append(run.streamId, sealed, expected);
    // An erasure leaves no state about the customer in memory (ADR 0017), whatever stream it was folded from.
    this.loader.forgetErasedIn(events as ReadonlyArray<{ type: string; data: Record<string, unknown> }>);
    this.loader.recordAppend(run.streamId, run.decider, base, { commandId: run.context.commandId, decided: events, stored: sealed, result });
    return { id: run.aggregateId, revision: result.nextExpectedRevision.toString(), position: positionToString(result.position), appended: true };
  }

  private envelope(event: DomainEvent, index: number, context: CommandContext, now: Date): EventData {
    return {
      id: eventIdFor(context.commandId, index),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        actor: context.actor,
        commandId: context.commandId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        occurredAt: now.toISOString(),
        schemaVersion: this.upcasters.currentVersion(event.type),
      },
    };
  }

  private answer(id: string, event: RecordedEvent, appended: boolean): CommandResult {
    return { id, revision: event.revision.toString(), position: positionToString(event.position), appended };
  }
}
