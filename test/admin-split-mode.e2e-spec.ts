import type { ProjectionInfo } from '@trilha/projection';
import { Projector } from './support/projector';
import { startTestApp, type TestApp } from './support/test-app';

const DETAIL = 'customer-detail';

describe('admin projections with the api and the projector in separate processes (TRILHA_PROJECTIONS=off)', () => {
  let t: TestApp;
  let projector: Projector | undefined;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_PROJECTIONS: 'off' }, { runProjections: false });
    admin = t.token('admin');
    projector = await Projector.start(t);
  });
  afterAll(async () => {
    await projector?.stop();
    await t.close();
  });

  const auth = () => ({ Authorization: `Bearer ${admin}` });

  async function detailStatus(): Promise<ProjectionInfo> {
    const res = await t.http.get('/admin/projections').set(auth());
    expect(res.status).toBe(200);
    return res.body.projections.find((p: ProjectionInfo) => p.name === DETAIL);
  }

  /** Asks the api until the projector's status satisfies `accept` (the projector publishes every second). */
  async function detailStatusWhen(accept: (p: ProjectionInfo) => boolean): Promise<ProjectionInfo> {
    for (let i = 0; i < 200; i++) {
      const status = await detailStatus();
      if (accept(status)) return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The projection status never matched; last: ${JSON.stringify(await detailStatus())}`);
  }

  it('runs no projection in the api process: the status comes from the projector', async () => {
    expect(t.config.runProjections).toBe(false);
    const status = await detailStatusWhen((p) => p.status === 'running');
    expect(status).toMatchObject({ version: 1, status: 'running', heartbeatAt: expect.any(String) });
  });

  it('serves, lists and rebuilds through the read store the two processes share', async () => {
    const created = await t.http.post('/customers').set(auth()).send({ name: 'Split Mode', phones: ['+55 11 90000-0000'] });
    expect(created.status).toBe(201);

    // The api polls the checkpoint the projector stores.
    const before = await t.http.get(`/customers/${created.body.id}?minPosition=${created.body.position}`).set(auth());
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id: created.body.id, name: 'Split Mode', position: created.body.position });

    const caughtUp = await detailStatusWhen((p) => p.lag === 0);
    expect(caughtUp).toMatchObject({ status: 'running', version: 1, checkpoint: created.body.position });

    // The projector stops; the api still answers, honestly: stopped, and the lag grows with the head.
    await projector!.stop();
    projector = undefined;
    const meanwhile = await t.http.post('/customers').set(auth()).send({ name: 'While Down', phones: ['+55 11 90000-0001'] });
    expect(meanwhile.status).toBe(201);
    expect(await detailStatus()).toMatchObject({ status: 'stopped', eventsPerSecond: 0, lag: 1, checkpoint: created.body.position });

    // A rebuild asked for now is recorded with the generation it will build; asking again changes nothing.
    const accepted = await t.http.post(`/admin/projections/${DETAIL}/rebuild`).set(auth());
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ name: DETAIL, version: 2 });
    const again = await t.http.post(`/admin/projections/${DETAIL}/rebuild`).set(auth());
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ name: DETAIL, version: 2 });
    expect(await detailStatus()).toMatchObject({ version: 1, rebuildRequested: 2 });

    // The projector comes back, catches up, builds generation 2 and switches over.
    projector = await Projector.start(t);
    const rebuilt = await detailStatusWhen((p) => p.version === 2 && p.status === 'running' && p.lag === 0);
    expect(rebuilt).not.toHaveProperty('rebuilding');
    expect(rebuilt).not.toHaveProperty('rebuildRequested');

    const after = await t.http.get(`/customers/${created.body.id}`).set(auth());
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    const later = await t.http.get(`/customers/${meanwhile.body.id}?minPosition=${meanwhile.body.position}`).set(auth());
    expect(later.body).toMatchObject({ name: 'While Down' });
  });

  it('answers 404 for a projection that does not exist', async () => {
    const res = await t.http.post('/admin/projections/nope/rebuild').set(auth());
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
