import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { customerStreamId } from '@trilha/domain';
import { positionToString } from '@trilha/event-store';
import { ApiClient } from '../apps/cli/src/api-client';
import { watchRebuild } from '../apps/cli/src/watch-rebuild';
import { startTestApp, type TestApp } from './support/test-app';

const CUSTOMERS = 400;
/** Renames per customer, appended straight to the store: enough events for a rebuild to take a while. */
const RENAMES = 30;

interface Board {
  total: number;
  columns: Array<{ cards: Array<{ customerId: string; name: string }> }>;
}

interface ProjectionView {
  name: string;
  version: number;
  checkpoint: string | null;
  status: string;
  lastError: string | null;
  rebuilding?: { generation: number };
}

/**
 * P5 from the admin's side: a blue/green rebuild while users keep reading, the status table,
 * and restarting a projection.
 */
describe('rebuilding and restarting projections over HTTP (P5)', () => {
  let t: TestApp;
  let walletId: string;
  const customers: Array<{ id: string; name: string }> = [];
  let lastPosition = '0';

  const as = (role: 'admin' | 'manager' | 'auditor' | 'readonly' = 'admin') => ({ Authorization: `Bearer ${t.token(role, `user-${role}`)}` });
  const projection = async (name: string): Promise<ProjectionView> => {
    const res = await t.http.get('/admin/projections').set(as());
    expect(res.status).toBe(200);
    return res.body.projections.find((p: ProjectionView) => p.name === name);
  };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    const journey = (await t.http.post('/journeys').set(as()).send({ name: 'Pós-venda', steps: [{ name: 'Boas-vindas', milestones: [{ name: 'Ligar', days: 2 }] }] })).body;
    walletId = (await t.http.post('/wallets').set(as()).send({ name: 'Carteira Rebuild', managerId: 'mgr-1', journeyId: journey.id })).body.id;
    for (let start = 0; start < CUSTOMERS; start += 20) {
      const chunk = Array.from({ length: Math.min(20, CUSTOMERS - start) }, (_, i) => start + i);
      await Promise.all(
        chunk.map(async (n) => {
          const id = (await t.http.post('/customers').set(as()).send({ name: `Cliente ${n}` })).body.id as string;
          const placed = await t.http.put(`/customers/${id}/wallet`).set(as()).send({ walletId });
          expect(placed.status).toBe(200);
          customers.push({ id, name: `Cliente ${n}` });
          if (BigInt(placed.body.position) > BigInt(lastPosition)) lastPosition = placed.body.position;
        }),
      );
    }
    // Each customer is renamed back and forth and ends under its first name.
    for (const { id: customerId, name } of customers) {
      const names = Array.from({ length: RENAMES }, (_, i) => (i % 2 === 0 ? `${name} (${i})` : name));
      const events = [...names, name].map((to, i) => ({
        id: randomUUID(),
        type: 'CustomerDataEdited',
        data: { customerId, changes: [{ field: 'name', from: i === 0 ? name : names[i - 1], to }] },
        metadata: {},
      }));
      const appended = await t.eventStore.append(customerStreamId(customerId), events, 'any');
      if (BigInt(positionToString(appended.position)) > BigInt(lastPosition)) lastPosition = positionToString(appended.position);
    }
  }, 120_000);
  afterAll(() => t.close());

  const readBoard = async (): Promise<Board> => {
    const res = await t.http.get(`/wallets/${walletId}/board`).set(as('readonly'));
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Waits until `name` has projected every event appended in beforeAll (minPosition waits at most 5 s). */
  const caughtUp = async (name: string) => {
    for (let i = 0; i < 600 && BigInt((await projection(name)).checkpoint ?? '0') < BigInt(lastPosition); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /**
   * Asks for a rebuild of `name`, then reads with `read` until the new version serves; every
   * answer must equal `expected`. Returns how many reads happened while the status said rebuilding.
   */
  async function readWhileRebuilding<T>(name: string, read: () => Promise<T>, expected: T): Promise<number> {
    const serving = (await projection(name)).version;
    const accepted = await t.http.post(`/admin/projections/${name}/rebuild`).set(as());
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ name, version: serving + 1 });

    let readsWhileRebuilding = 0;
    let current = await projection(name);
    for (let i = 0; i < 2000 && current.version === serving; i++) {
      if (current.status === 'rebuilding') {
        expect(current.rebuilding?.generation).toBe(serving + 1);
        readsWhileRebuilding++;
      }
      expect(await read()).toEqual(expected);
      current = await projection(name);
    }
    expect(current).toMatchObject({ version: serving + 1, status: 'running', lastError: null });
    expect(await read()).toEqual(expected);
    return readsWhileRebuilding;
  }

  it('keeps answering whole customer details while customer-detail is rebuilt, then serves the new version', async () => {
    await caughtUp('customer-detail');
    const sample = customers.slice(0, 25);
    const readDetails = async () =>
      Promise.all(
        sample.map(async ({ id }) => {
          const res = await t.http.get(`/customers/${id}`).set(as('readonly'));
          expect(res.status).toBe(200);
          return res.body as Record<string, unknown>;
        }),
      );
    const expected = await readDetails();
    expect(expected.map((d) => d.name)).toEqual(sample.map((c) => c.name));

    // The detail rebuild folds every rename (about a second here): reads must overlap it.
    expect(await readWhileRebuilding('customer-detail', readDetails, expected)).toBeGreaterThan(0);
  });

  it('keeps answering complete boards while the wallet board is rebuilt, then serves the new version', async () => {
    await caughtUp('wallet-board');
    const expected = await readBoard();
    expect(expected.total).toBe(CUSTOMERS);
    const names = expected.columns.flatMap((c) => c.cards.map((card) => card.name)).sort();
    expect(names).toEqual(customers.map((c) => c.name).sort());

    // Every answer is the whole board: never empty, never a part of the cards. (This rebuild can
    // be too quick to overlap a read; the detail test above proves the overlap.)
    await readWhileRebuilding('wallet-board', readBoard, expected);
  });

  it('trilha rebuild: a progress bar with events/s and ETA until the new version serves', async () => {
    await t.app.listen(0, '127.0.0.1');
    const client = new ApiClient(await t.app.getUrl(), t.token('admin', 'cli'));
    const { version } = await client.post<{ version: number }>('/admin/projections/timeline/rebuild');
    const progress = new PassThrough();
    let drawn = '';
    progress.on('data', (chunk: Buffer) => (drawn += chunk.toString()));

    await watchRebuild(client, 'timeline', version, { pollMs: 20, stream: progress });

    expect((await projection('timeline')).version).toBe(version);
    expect(drawn).toMatch(/timeline v\d+ \[.*\] \d+% \| \d+\/\d+ events \| \d+ events\/s \| ETA /);
  });

  it('lists every projection with its status, checkpoint, lag, events/s and last error', async () => {
    const res = await t.http.get(`/admin/projections`).set(as('auditor'));
    expect(res.status).toBe(200);
    for (const p of res.body.projections) {
      expect(p).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          version: expect.any(Number),
          status: expect.stringMatching(/^(running|catching-up|rebuilding|failed|stopped)$/),
          lag: expect.any(Number),
          eventsPerSecond: expect.any(Number),
          lastError: null,
        }),
      );
    }
    expect(res.body.projections.map((p: ProjectionView) => p.name)).toEqual(expect.arrayContaining(['customer-detail', 'timeline', 'wallet-board', 'calendar']));
  });

  it('restarts a projection from its checkpoint; it keeps serving the same answers', async () => {
    const before = await projection('customer-detail');
    const res = await t.http.post('/admin/projections/customer-detail/restart').set(as());
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ name: 'customer-detail' });

    const after = await projection('customer-detail');
    expect(after.version).toBe(before.version);
    const detail = await t.http.get(`/customers/${customers[0].id}?minPosition=${lastPosition}`).set(as('readonly'));
    expect(detail.status).toBe(200);
    expect(detail.body.name).toBe(customers[0].name);
  });

  it('refuses to restart or rebuild an unknown projection (404), and anyone but an admin (403)', async () => {
    const unknown = await t.http.post('/admin/projections/nope/restart').set(as());
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const role of ['manager', 'auditor', 'readonly'] as const) {
      expect((await t.http.post('/admin/projections/customer-detail/restart').set(as(role))).status).toBe(403);
    }
  });
});
