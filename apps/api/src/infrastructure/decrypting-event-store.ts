import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
  SubscriptionItem,
} from '@trilha/event-store';
import type { PersonalDataVault } from './personal-data-vault';

/**
 * The events that erase a data key's subject, and the field naming it: a customer (T10) or a
 * follow-up opportunity, which has a key of its own (ADR 0042).
 */
const ERASURES: Readonly<Record<string, string>> = { CustomerDeleted: 'customerId', FollowUpDeleted: 'followUpId' };

/** The subject whose key this event destroyed, if it is an erasure. */
function erasedSubject(event: RecordedEvent): string | undefined {
  const field = Object.hasOwn(ERASURES, event.type) ? ERASURES[event.type] : undefined;
  const subject = field === undefined ? undefined : event.data[field];
  return typeof subject === 'string' ? subject : undefined;
}

/**
 * The event store as readers other than the auditor's verify see it: personal fields decrypted
 * (or placeholders once erased). Appends pass through unchanged: the command pipeline encrypts
 * before it seals (ADR 0017). Reading a CustomerDeleted (or a FollowUpDeleted) makes the vault
 * forget that customer's (that follow-up's) key before anything after it is decrypted.
 */
export class DecryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly vault: PersonalDataVault,
    /** Told of every erasure read, with its subject (e.g. to compact the read store once it is projected). */
    private readonly onDeletion: (subject: string) => void = () => undefined,
  ) {}

  append(streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(streamId, events, expectedRevision);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.decryptAll(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.decryptAll(await this.inner.readAll(options));
  }

  subscribeAll(options?: SubscribeAllOptions): Subscription {
    const inner = this.inner.subscribeAll(options);
    const decryptItem = (item: SubscriptionItem): IteratorResult<SubscriptionItem> | Promise<IteratorResult<SubscriptionItem>> => {
      if (item.kind !== 'event') return { done: false, value: item };
      // No promise to wait for when the keys are in memory (most events of a catch-up).
      const event = Object.hasOwn(ERASURES, item.event.type) ? undefined : this.vault.decryptWithKeysAtHand(item.event);
      if (event) return { done: false, value: { kind: 'event', event } };
      return this.decrypt(item.event).then((decrypted) => ({ done: false, value: { kind: 'event', event: decrypted } }));
    };
    return {
      close: () => inner.close(),
      // A plain iterator over the inner one rather than an async generator: one promise per
      // event instead of a generator's queue, which a catch-up of a million events feels.
      [Symbol.asyncIterator]: (): AsyncIterator<SubscriptionItem> => {
        const items = inner[Symbol.asyncIterator]();
        return {
          next: () => items.next().then((result) => (result.done ? result : decryptItem(result.value))),
          return: async (value?: unknown) => {
            await items.return?.();
            return { done: true, value };
          },
        };
      },
    };
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async decryptAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    // A deletion later in the same read still covers the events before it.
    for (const event of events) this.noteDeletion(event);
    return Promise.all(events.map((event) => this.vault.decrypt(event)));
  }

  private async decrypt(event: RecordedEvent): Promise<RecordedEvent> {
    this.noteDeletion(event);
    return this.vault.decrypt(event);
  }

  private noteDeletion(event: RecordedEvent): void {
    const subject = erasedSubject(event);
    if (subject === undefined) return;
    this.vault.forget(subject);
    this.onDeletion(subject);
  }
}
