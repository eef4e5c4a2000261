import * as path from 'node:path';
import Database from 'better-sqlite3';
import { customerStreamId } from '@trilha/domain';
import { EVENTS_FILE } from '../apps/api/src/infrastructure/open-stores';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Someone with write access to the embedded events file alters it behind Trilha's back; verify
 * must point at the first event it can no longer vouch for. (EventStoreDB offers no way to
 * rewrite an event in place, so this runs on the embedded stores only.)
 */
describe('verify finds events altered directly in the SQLite events file (P4)', () => {
  let t: TestApp;
  let db: Database.Database;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    db = new Database(path.join(t.config.dataDir, EVENTS_FILE));
  });
  afterAll(async () => {
    db.close();
    await t.close();
  });

  const admin = () => ({ Authorization: `Bearer ${t.token('admin', 'u1', 'Ana Admin')}` });
  const auditor = () => ({ Authorization: `Bearer ${t.token('auditor', 'aud1')}` });

  /** A customer with four events: registered (r0), hot (r1), reverted (r2), commented (r3). */
  async function customerWithFourEvents(): Promise<string> {
    const { id } = (await t.http.post('/customers').set(admin()).send({ name: 'Joana', temperature: 'cold' })).body as { id: string };
    await t.http.post(`/customers/${id}/temperature`).set(admin()).send({ temperature: 'hot' }).expect(200);
    await t.http.post(`/customers/${id}/temperature/revert`).set(admin()).expect(200);
    await t.http.post(`/customers/${id}/comments`).set(admin()).send({ text: 'Primeiro contato' }).expect(201);
    const verified = await t.http.get(`/customers/${id}/verify`).set(auditor());
    expect(verified.body).toMatchObject({ ok: true, events: 4, verified: 4 });
    return id;
  }

  const tamper = (id: string, revision: number, sql: string) =>
    expect(db.prepare(`UPDATE events SET ${sql} WHERE stream_id = ? AND revision = ?`).run(customerStreamId(id), revision).changes).toBe(1);

  it('answers ok: false at the revision whose data was changed, and history shows the altered data as stored', async () => {
    const id = await customerWithFourEvents();
    const headBefore = (await t.http.get(`/customers/${id}/verify`).set(auditor())).body.headHash;
    tamper(id, 1, `data = json_set(data, '$.to', 'warm')`);

    const res = await t.http.get(`/customers/${id}/verify`).set(auditor());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, events: 4, verified: 3, unchained: 0, firstBadRevision: '1', reason: 'altered', headHash: headBefore });
    const history = await t.http.get(`/customers/${id}/history`).set(auditor());
    expect(history.body.events[1].data.to).toBe('warm');
  });

  it('finds altered metadata (who did it) and an altered type', async () => {
    const actor = await customerWithFourEvents();
    tamper(actor, 3, `metadata = json_set(metadata, '$.actor.id', 'someone-else')`);
    expect((await t.http.get(`/customers/${actor}/verify`).set(auditor())).body).toMatchObject({ ok: false, firstBadRevision: '3', reason: 'altered' });

    const type = await customerWithFourEvents();
    tamper(type, 2, `type = 'TemperatureChanged'`);
    expect((await t.http.get(`/customers/${type}/verify`).set(auditor())).body).toMatchObject({ ok: false, firstBadRevision: '2', reason: 'altered' });
  });

  it('finds a deleted event at the revision after the gap', async () => {
    const id = await customerWithFourEvents();
    expect(db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(customerStreamId(id)).changes).toBe(1);
    const res = await t.http.get(`/customers/${id}/verify`).set(auditor());
    expect(res.body).toMatchObject({ ok: false, events: 3, firstBadRevision: '2', reason: 'revision-gap' });
  });

  it('finds an event whose integrity was stripped', async () => {
    const id = await customerWithFourEvents();
    tamper(id, 0, `metadata = json_remove(metadata, '$.integrity')`);
    const res = await t.http.get(`/customers/${id}/verify`).set(auditor());
    expect(res.body).toMatchObject({ ok: false, unchained: 1, firstBadRevision: '0', reason: 'unchained' });
  });

  it('lists every tampered customer stream in the store-wide check, and only those', async () => {
    const intact = await customerWithFourEvents();
    const res = await t.http.get('/audit/verify').set(auditor());
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const bad = res.body.bad as Array<{ streamId: string; firstBadRevision: string; reason: string }>;
    expect(bad.map((b) => b.reason).sort()).toEqual(['altered', 'altered', 'altered', 'revision-gap', 'unchained']);
    expect(bad.map((b) => b.streamId)).not.toContain(customerStreamId(intact));
    expect(res.body.streams).toBe(bad.length + 1);
  });
});
