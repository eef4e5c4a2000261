import { encryptValue, ERASED_TEXT } from '@trilha/domain';
import { InMemoryEventStore, type AllFilter, type SubscriptionItem } from '@trilha/event-store';
import { InMemoryKeyStore } from '@trilha/key-store';
import { DecryptingEventStore } from '../src/infrastructure/decrypting-event-store';
import { PersonalDataVault } from '../src/infrastructure/personal-data-vault';

async function comment(keys: InMemoryKeyStore, customerId: string, text: string) {
  return { id: `${customerId}-${text}`, type: 'CommentAdded', data: { customerId, text: encryptValue(await keys.keyFor(customerId), customerId, text) } };
}

/** The items of a subscription up to `caughtUp`, through its async iterator. */
async function itemsUntilCaughtUp(store: DecryptingEventStore, filter?: AllFilter): Promise<SubscriptionItem[]> {
  const subscription = store.subscribeAll(filter ? { filter } : {});
  const items: SubscriptionItem[] = [];
  for await (const item of subscription) {
    items.push(item);
    if (item.kind === 'caughtUp') break;
  }
  await subscription.close();
  return items;
}

describe('DecryptingEventStore.subscribeAll', () => {
  it('hands events over in clear, in order, with the other items as they were', async () => {
    const keys = new InMemoryKeyStore();
    const inner = new InMemoryEventStore();
    await inner.append('customer-c1', [await comment(keys, 'c1', 'primeiro')], 'noStream');
    await inner.append('wallet-w1', [{ id: 'w', type: 'WalletCreated', data: { walletId: 'w1' } }], 'noStream');
    await inner.append('customer-c1', [await comment(keys, 'c1', 'segundo')], 0n);
    const store = new DecryptingEventStore(inner, new PersonalDataVault(keys));

    const items = await itemsUntilCaughtUp(store, { streamPrefixes: ['customer-'] });

    expect(items.map((item) => item.kind)).toEqual(['event', 'event', 'caughtUp']);
    const texts = items.flatMap((item) => (item.kind === 'event' ? [item.event.data.text] : []));
    expect(texts).toEqual(['primeiro', 'segundo']);
    // The stored events keep their ciphertext.
    expect((await inner.readStream('customer-c1'))[0].data.text).toHaveProperty('$enc');
  });

  it('gives placeholders after a CustomerDeleted it has read, even with the key still in the key store', async () => {
    const keys = new InMemoryKeyStore();
    const inner = new InMemoryEventStore();
    await inner.append('customer-c1', [await comment(keys, 'c1', 'antes')], 'noStream');
    await inner.append('customer-c1', [{ id: 'd', type: 'CustomerDeleted', data: { customerId: 'c1' } }], 0n);
    await inner.append('customer-c1', [await comment(keys, 'c1', 'depois')], 1n);
    const deleted: string[] = [];
    const store = new DecryptingEventStore(inner, new PersonalDataVault(keys), (customerId) => deleted.push(customerId));

    const events = (await itemsUntilCaughtUp(store)).flatMap((item) => (item.kind === 'event' ? [item.event] : []));

    expect(events.map((event) => event.data.text ?? event.type)).toEqual(['antes', 'CustomerDeleted', ERASED_TEXT]);
    expect(deleted).toEqual(['c1']);
  });

  it('gives placeholders after a FollowUpDeleted it has read, in a subscription and in a stream read (ADR 0042)', async () => {
    const keys = new InMemoryKeyStore();
    const inner = new InMemoryEventStore();
    const emailSent = async (text: string) => ({ id: text, type: 'FollowUpEmailSent', data: { followUpId: 'f1', message: encryptValue(await keys.keyFor('f1'), 'f1', text) } });
    await inner.append('followup-f1', [await emailSent('antes')], 'noStream');
    await inner.append('followup-f1', [{ id: 'd', type: 'FollowUpDeleted', data: { followUpId: 'f1' } }], 0n);
    await inner.append('followup-f1', [await emailSent('depois')], 1n);
    const deleted: string[] = [];
    const store = new DecryptingEventStore(inner, new PersonalDataVault(keys), (subject) => deleted.push(subject));

    const events = (await itemsUntilCaughtUp(store)).flatMap((item) => (item.kind === 'event' ? [item.event] : []));
    expect(events.map((event) => event.data.message ?? event.type)).toEqual(['antes', 'FollowUpDeleted', ERASED_TEXT]);
    expect(deleted).toEqual(['f1']);

    // A fresh reader: the deletion later in the same read covers the events before it too.
    const read = await new DecryptingEventStore(inner, new PersonalDataVault(keys)).readStream('followup-f1');
    expect(read.map((event) => event.data.message ?? event.type)).toEqual([ERASED_TEXT, 'FollowUpDeleted', ERASED_TEXT]);
  });

  it('closes the inner subscription when the reader stops early', async () => {
    const keys = new InMemoryKeyStore();
    const inner = new InMemoryEventStore();
    await inner.append('customer-c1', [await comment(keys, 'c1', 'um'), await comment(keys, 'c1', 'dois')], 'noStream');
    const store = new DecryptingEventStore(inner, new PersonalDataVault(keys));
    const subscription = store.subscribeAll();
    const seen: string[] = [];
    for await (const item of subscription) {
      if (item.kind === 'event') seen.push(item.event.data.text as string);
      break;
    }
    expect(seen).toEqual(['um']);
    // The inner iterator has ended: asking again gives nothing more.
    expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });
});
