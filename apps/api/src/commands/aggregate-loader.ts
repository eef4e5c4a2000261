import { personalDataSubject, type Decider, type DomainEvent, type UpcasterRegistry } from '@trilha/domain';
import type { AppendResult, EventMetadata, EventStore, RecordedEvent } from '@trilha/event-store';
import { AggregateStateCache, commandHash, type CachedAggregate } from './aggregate-state-cache';
import type { StreamTail } from './stream-tail';

/** Events that erase a customer's or a follow-up's personal data (ADR 0017, 0042): no state folded with one is kept in memory. */
export const ERASURE_EVENT_TYPES: ReadonlySet<string> = new Set(['CustomerDeleted', 'FollowUpDeleted']);

/** What the loader needs of the personal-data vault. */
export interface EventDecryptor {
  decrypt(event: RecordedEvent): Promise<RecordedEvent>;
}

export type StateFolder<S, E extends DomainEvent> = Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>;

export type LoadedAggregate<S> =
  /** The command is already in the stream: its last event, to answer as the first time did. */
  | { kind: 'answered'; previous: RecordedEvent }
  | { kind: 'folded'; state: S; last: StreamTail | undefined };

/** A cached state, not verified against the store: only an append expecting `last` may act on it. */
export interface UnverifiedState<S> {
  state: S;
  last: StreamTail;
}

/** What the pipeline just appended onto a state: the events as decided, and as sealed and stored. */
export interface OwnAppend {
  commandId: string;
  decided: ReadonlyArray<{ type: string; data: unknown }>;
  stored: ReadonlyArray<{ type: string; data: Record<string, unknown>; metadata: EventMetadata }>;
  result: AppendResult;
}

/**
 * Loads an aggregate's state: from the cache plus the events appended since its revision, or
 * from the whole stream (ADR 0021). Events are decrypted and upcast before folding.
 */
export class AggregateLoader {
  private readonly folderIds = new WeakMap<object, number>();

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    private readonly decryptor: EventDecryptor,
    private readonly cache: AggregateStateCache = new AggregateStateCache(),
  ) {}

  /** With a `commandId`, answers `answered` when that command already appended to the stream. */
  async load<S, E extends DomainEvent>(streamId: string, folder: StateFolder<S, E>, commandId?: string): Promise<LoadedAggregate<S>> {
    const key = this.keyOf(streamId, folder);
    let entry = this.cache.get(key);
    // A possibly repeated command (hash hit) or another decider's state: read the whole stream.
    if (entry && (entry.initialState !== folder.initialState || (commandId !== undefined && entry.commandHashes.has(commandHash(commandId))))) {
      entry = undefined;
    }
    let recorded = await this.store.readStream(streamId, entry ? { from: entry.last.revision + 1n } : undefined);
    if (entry && recorded.some(isErasure)) {
      entry = undefined;
      recorded = await this.store.readStream(streamId);
    }

    if (commandId !== undefined) {
      for (let i = recorded.length - 1; i >= 0; i--) {
        if (recorded[i].metadata.commandId === commandId) return { kind: 'answered', previous: recorded[i] };
      }
    }

    const decrypted = await Promise.all(recorded.map((e) => this.decryptor.decrypt(e)));
    let state = entry ? (entry.state as S) : folder.initialState;
    for (const event of decrypted) state = folder.evolve(state, this.upcast(event) as E);
    const last = recorded.length > 0 ? recorded[recorded.length - 1] : entry?.last;

    if (recorded.some(isErasure)) this.forgetErasedIn(recorded);
    else if (last) this.remember(key, folder, state, last, recorded, entry);
    return { kind: 'folded', state, last };
  }

  /**
   * The cached state to decide from without reading the stream (ADR 0026), or undefined when
   * there is none, it was folded by another decider, or the command id's hash is in it (a
   * possible repeat, which only a read can tell).
   */
  cached<S, E extends DomainEvent>(streamId: string, folder: StateFolder<S, E>, commandId: string): UnverifiedState<S> | undefined {
    const entry = this.cache.get(this.keyOf(streamId, folder));
    if (!entry || entry.initialState !== folder.initialState || entry.commandHashes.has(commandHash(commandId))) return undefined;
    return { state: entry.state as S, last: entry.last };
  }

  /**
   * Folds the events this process just appended onto the state they were decided from, so the
   * next command on the stream reads nothing (ADR 0026). The append's expected-revision check
   * proved that `base` was the stream's state. Only extends the entry `base` came from (or starts
   * one for a stream that was empty), keeping its expiry: an entry dropped or moved on meanwhile
   * is left alone, and the next load reads the stream.
   */
  recordAppend<S, E extends DomainEvent>(streamId: string, folder: StateFolder<S, E>, base: { state: S; last: StreamTail | undefined }, appended: OwnAppend): void {
    if (appended.stored.some(isErasure)) return; // forgetErasedIn has run: nothing about them is kept
    const key = this.keyOf(streamId, folder);
    const entry = this.cache.get(key);
    if (base.last ? entry?.last.revision !== base.last.revision || entry.initialState !== folder.initialState : entry !== undefined) return;
    const lastStored = appended.stored[appended.stored.length - 1];
    const revision = appended.result.nextExpectedRevision;
    if (!lastStored || revision !== (base.last?.revision ?? -1n) + BigInt(appended.stored.length)) return;

    let state = base.state;
    // Folded as a read would fold them: JSON as stored (decrypted), upcast from the current version.
    for (const event of appended.decided) {
      const data = JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;
      state = folder.evolve(state, this.upcasters.upcast(event.type, data, this.upcasters.currentVersion(event.type)) as E);
    }
    const commandHashes = entry?.commandHashes ?? new Set<number>();
    const subjects = entry?.subjects ?? new Set<string>();
    commandHashes.add(commandHash(appended.commandId));
    for (const event of appended.stored) {
      const subject = personalDataSubject(event.data);
      if (subject) subjects.add(subject);
    }
    const last: StreamTail = { revision, position: appended.result.position, metadata: lastStored.metadata };
    this.cache.set(key, { state, initialState: folder.initialState, last, commandHashes, subjects }, entry?.expiresAt);
  }

  /** After a conflict: the next load reads the whole stream. */
  drop<S, E extends DomainEvent>(streamId: string, folder: StateFolder<S, E>): void {
    this.cache.drop(this.keyOf(streamId, folder));
  }

  /** Drops every cached state about a customer erased by these events (stored or just appended). */
  forgetErasedIn(events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>): void {
    for (const event of events) {
      const subject = isErasure(event) ? personalDataSubject(event.data) : undefined;
      if (subject) this.cache.forgetSubject(subject);
    }
  }

  private remember<S>(key: string, folder: StateFolder<S, never>, state: S, last: StreamTail, recorded: RecordedEvent[], entry?: CachedAggregate): void {
    // Extended in place: a concurrent reader of the older entry may only see extra hashes (a full read).
    const commandHashes = entry?.commandHashes ?? new Set<number>();
    const subjects = entry?.subjects ?? new Set<string>();
    for (const event of recorded) {
      if (event.metadata.commandId) commandHashes.add(commandHash(event.metadata.commandId));
      const subject = personalDataSubject(event.data);
      if (subject) subjects.add(subject);
    }
    // The expiry counts from the last full read, so a busy stream is still re-read once per TTL.
    this.cache.set(key, { state, initialState: folder.initialState, last, commandHashes, subjects }, entry?.expiresAt);
  }

  private keyOf(streamId: string, folder: StateFolder<unknown, never>): string {
    // Deciders are module constants; their evolve function names the fold.
    let id = this.folderIds.get(folder.evolve);
    if (id === undefined) this.folderIds.set(folder.evolve, (id = nextFolderId++));
    return `${id}:${streamId}`;
  }

  private upcast(event: RecordedEvent): DomainEvent {
    return this.upcasters.upcast(event.type, event.data, event.metadata.schemaVersion ?? 1);
  }
}

let nextFolderId = 0;

function isErasure(event: { type: string }): boolean {
  return ERASURE_EVENT_TYPES.has(event.type);
}
