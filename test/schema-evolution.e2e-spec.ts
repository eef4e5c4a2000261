import { randomUUID } from 'node:crypto';
import { createEventUpcasters, customerStreamId } from '@trilha/domain';
import { positionToString } from '@trilha/event-store';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Schema evolution (ARCHITECTURE rule 3): an event type moves to a new payload shape; events
 * stored in the old shape are never rewritten, and every reader sees them through the upcaster.
 * Here `CommentAdded` version 2 renames version 1's `comment` to `text`.
 */
describe('an old event shape read through its upcaster (P4, P5)', () => {
  let t: TestApp;
  let customerId: string;
  let oldCommentId: string;
  let lastPosition: string;

  const upcasters = createEventUpcasters().register('CommentAdded', 2, ({ comment, ...rest }) => ({ ...rest, text: comment }));
  const as = (role: 'admin' | 'auditor' | 'readonly' = 'admin') => ({ Authorization: `Bearer ${t.token(role, `user-${role}`)}` });

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' }, { upcasters });
    customerId = (await t.http.post('/customers').set(as()).send({ name: 'Rita Lopes' })).body.id;
    // Written before the change: version 1, straight into the store as it was then.
    oldCommentId = randomUUID();
    const appended = await t.eventStore.append(
      customerStreamId(customerId),
      [{ id: randomUUID(), type: 'CommentAdded', data: { customerId, commentId: oldCommentId, comment: 'Prefere contato à tarde' }, metadata: { schemaVersion: 1 } }],
      'any',
    );
    lastPosition = positionToString(appended.position);
  });
  afterAll(() => t.close());

  const timelineComments = async () => {
    const res = await t.http.get(`/customers/${customerId}/timeline?type=comment_added&minPosition=${lastPosition}`).set(as('readonly'));
    expect(res.status).toBe(200);
    return res.body.items.map((i: { data: { commentId: string; text: string } }) => i.data);
  };

  it('writes new events in the current version', async () => {
    const res = await t.http.post(`/customers/${customerId}/comments`).set(as()).send({ text: 'Ligou de volta' });
    expect(res.status).toBe(201);
    lastPosition = res.body.position;
    const stream = await t.eventStore.readStream(customerStreamId(customerId));
    expect(stream[stream.length - 1]).toMatchObject({ type: 'CommentAdded', metadata: { schemaVersion: 2 } });
  });

  it('the read models see the old event in the current shape', async () => {
    expect(await timelineComments()).toEqual([
      { commentId: expect.any(String), text: 'Ligou de volta' },
      { commentId: oldCommentId, text: 'Prefere contato à tarde' },
    ]);
  });

  it('history answers the current shape, with the stored bytes and version beside it', async () => {
    const res = await t.http.get(`/customers/${customerId}/history`).set(as('auditor'));
    expect(res.status).toBe(200);
    const old = res.body.events.find((e: { data: { commentId?: string } }) => e.data.commentId === oldCommentId);
    expect(old).toMatchObject({
      type: 'CommentAdded',
      schemaVersion: 2,
      data: { customerId, commentId: oldCommentId, text: 'Prefere contato à tarde' },
      stored: { schemaVersion: 1, data: { customerId, commentId: oldCommentId, comment: 'Prefere contato à tarde' } },
    });
    // A current event is stored in the current version; its `stored` differs only by the encrypted text.
    const current = res.body.events[res.body.events.length - 1];
    expect(current).toMatchObject({ type: 'CommentAdded', schemaVersion: 2, data: { text: 'Ligou de volta' }, stored: { schemaVersion: 2 } });
    expect(JSON.stringify(current.stored)).not.toContain('Ligou de volta');
    // Never rewritten.
    const [stored] = (await t.eventStore.readStream(customerStreamId(customerId))).filter((e) => e.data.commentId === oldCommentId);
    expect(stored.data).toEqual({ customerId, commentId: oldCommentId, comment: 'Prefere contato à tarde' });
  });

  it('a rebuild reads the old event through the upcaster too', async () => {
    await rebuildAndWaitForSwitch(t, 'timeline');
    expect(await timelineComments()).toEqual([
      { commentId: expect.any(String), text: 'Ligou de volta' },
      { commentId: oldCommentId, text: 'Prefere contato à tarde' },
    ]);
  });
});
