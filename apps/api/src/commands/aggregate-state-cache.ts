import type { StreamTail } from './stream-tail';

/**
 * The folded state of one stream under one decider, as of its last event (ADR 0021). It holds
 * decrypted personal data: it is dropped when a subject it names is erased, and it expires after
 * `ttlMs`, as the vault's keys do.
 */
export interface CachedAggregate {
  state: unknown;
  /** The decider's initial state this was folded from (a different decider is a miss). */
  initialState: unknown;
  /** The stream's last event, as stored (or as just appended): reading resumes after it, sealing chains onto it. */
  last: StreamTail;
  /** 30-bit hashes of the command ids in the stream: a hit means "maybe seen", checked by a full read. */
  commandHashes: Set<number>;
  /** Customers (key subjects) whose events were folded in. */
  subjects: Set<string>;
  expiresAt: number;
}

export interface AggregateStateCacheOptions {
  /** Streams kept, least recently used dropped first. Default 10 000. */
  maxStreams?: number;
  /** How long an entry may serve after it was stored. Default 60 s (the vault's key TTL). */
  ttlMs?: number;
  now?: () => number;
}

/**
 * An LRU of aggregate states per process, so a command reads only the events appended since the
 * cached revision, or none when it appends (ADR 0026). Never trusted for writing: the append still
 * checks the expected revision.
 */
export class AggregateStateCache {
  private readonly entries = new Map<string, CachedAggregate>();
  /** Erased customers: a state naming one is never stored again by this process. */
  private readonly erased = new Set<string>();
  private readonly maxStreams: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: AggregateStateCacheOptions = {}) {
    this.maxStreams = options.maxStreams ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedAggregate | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  /**
   * Stores the entry unless a newer one for the stream is already there or it names an erased
   * customer. `expiresAt` keeps the expiry of the entry it extends; a new one gets `ttlMs`.
   */
  set(key: string, entry: Omit<CachedAggregate, 'expiresAt'>, expiresAt = this.now() + this.ttlMs): void {
    for (const subject of entry.subjects) if (this.erased.has(subject)) return;
    const current = this.entries.get(key);
    if (current && current.last.revision > entry.last.revision) return;
    this.entries.delete(key);
    this.entries.set(key, { ...entry, expiresAt });
    if (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value!);
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  /** Erasure (ADR 0017): drops every state that folded events about the customer, now and for good. */
  forgetSubject(subject: string): void {
    this.erased.add(subject);
    for (const [key, entry] of this.entries) if (entry.subjects.has(subject)) this.entries.delete(key);
  }
}

/** FNV-1a of a command id, to 30 bits (a small integer, cheap to keep in a Set). */
export function commandHash(commandId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < commandId.length; i++) {
    hash ^= commandId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x3fffffff;
}
