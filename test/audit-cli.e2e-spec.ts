import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { customerStreamId } from '@trilha/domain';
import { ApiClient } from '../apps/cli/src/api-client';
import { historyCommand, stateCommand, verifyCommand, verifyStoreCommand } from '../apps/cli/src/audit-commands';
import { EVENTS_FILE, openEventStore } from '../apps/api/src/infrastructure/open-stores';
import { startTestApp, type TestApp } from './support/test-app';

/** The CLI's audit commands against a listening server, as an auditor. */
describe('trilha history / state / verify (P4)', () => {
  let t: TestApp;
  let client: ApiClient;
  let id: string;
  let now = new Date('2026-03-01T10:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' }, { clock: () => now });
    await t.app.listen(0, '127.0.0.1');
    client = new ApiClient(await t.app.getUrl(), t.token('auditor', 'aud1'));
    const admin = { Authorization: `Bearer ${t.token('admin')}` };
    id = (await t.http.post('/customers').set(admin).send({ name: 'Carla', temperature: 'warm' })).body.id;
    now = new Date('2026-03-01T11:00:00Z');
    await t.http.post(`/customers/${id}/temperature`).set(admin).send({ temperature: 'hot' }).expect(200);
  });
  afterAll(() => t.close());

  it('history prints the stream, then one line per event', async () => {
    const { lines, exitCode } = await historyCommand(client, id);
    expect(exitCode).toBe(0);
    expect(lines[0]).toBe(`${customerStreamId(id)}: 2 events`);
    expect(lines[1]).toMatch(/^#0 {2}2026-03-01T10:00:00\.000Z {2}CustomerRegistered {2}u1\/admin {2}pos \d+ {2}\{.*"name":"Carla"/);
    expect(lines[2]).toMatch(/^#1 {2}2026-03-01T11:00:00\.000Z {2}TemperatureChanged .*"to":"hot"/);
  });

  it('state prints JSON: now by default, or as of an instant or a revision', async () => {
    const parse = async (options: { asOf?: string; revision?: string }) => JSON.parse((await stateCommand(client, id, options, new Date('2026-03-02T00:00:00Z'))).lines.join('\n'));
    expect(await parse({})).toMatchObject({ revision: '1', asOf: '2026-03-02T00:00:00.000Z', state: { temperature: 'hot' } });
    expect(await parse({ asOf: '2026-03-01T10:30:00Z' })).toMatchObject({ revision: '0', state: { temperature: 'warm' } });
    expect(await parse({ revision: '1' })).toMatchObject({ revision: '1', state: { temperature: 'hot', earlierTemperatures: ['warm'] } });
  });

  it('state reports a refusal of the server with its detail', async () => {
    await expect(stateCommand(client, id, { asOf: 'yesterday' })).rejects.toThrow(/answered 400: .*asOf: asOf must be an ISO 8601/);
  });

  it('verify prints ok with the head hash, then BAD and exit code 1 once an event was altered', async () => {
    const ok = await verifyCommand(client, id);
    expect(ok.exitCode).toBe(0);
    expect(ok.lines).toEqual([expect.stringMatching(/^ok: 2 of 2 events verified; head [0-9a-f]{64}$/)]);
    expect(await verifyCommand(client)).toEqual({ lines: ['ok: 1 streams, 2 events, 0 without integrity, 0 not ok'], exitCode: 0 });

    const db = new Database(path.join(t.config.dataDir, EVENTS_FILE));
    db.prepare(`UPDATE events SET data = json_set(data, '$.name', 'Mallory') WHERE stream_id = ? AND revision = 0`).run(customerStreamId(id));
    db.close();

    const bad = await verifyCommand(client, id);
    expect(bad.exitCode).toBe(1);
    expect(bad.lines[0]).toMatch(/^BAD: revision 0 altered; 1 of 2 events verified/);
    expect(await verifyCommand(client)).toEqual({
      lines: ['BAD: 1 streams, 2 events, 0 without integrity, 1 not ok', `BAD ${customerStreamId(id)}: revision 0 altered`],
      exitCode: 1,
    });
  });

  it('verify with no customer walks the store itself, every stream, with a progress bar', async () => {
    const store = openEventStore(t.config);
    const progress = new PassThrough();
    let drawn = '';
    progress.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    try {
      expect(await verifyStoreCommand(store, progress)).toEqual({
        lines: ['BAD: 1 streams, 2 events, 0 without integrity, 1 not ok', `BAD ${customerStreamId(id)}: revision 0 altered`],
        exitCode: 1,
      });
    } finally {
      await store.close();
    }
    expect(drawn).toMatch(/verify \[.*\] 100% \| 2\/2 events/);
  });
});
