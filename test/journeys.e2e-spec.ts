import { journeyStreamId } from '@trilha/domain';
import { startTestApp, type TestApp } from './support/test-app';

const steps = [
  { name: 'Definir um objetivo', milestones: [{ name: 'Objetivo 1', days: 2 }, { name: 'Objetivo 2', days: 4 }] },
  { name: 'Ter sucesso', milestones: [] },
];

describe('journeys over HTTP (CS2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
  });
  afterAll(() => t.close());

  const as = (role: 'admin' | 'manager' | 'broker' | 'readonly' = 'admin') => ({ Authorization: `Bearer ${t.token(role, `user-${role}`)}` });
  const define = (body: unknown, headers: Record<string, string> = {}) => t.http.post('/journeys').set(as()).set(headers).send(body as object);
  const eventCount = async () => (await t.eventStore.readAll()).length;

  it('defines a journey and answers the ids of its steps and milestones', async () => {
    const res = await define({ name: ' Jornada da felicidade ', steps });
    expect(res.status).toBe(201);
    const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({
      id: uuid,
      revision: '0',
      position: expect.any(String),
      steps: [
        { id: uuid, name: 'Definir um objetivo', milestones: [{ id: uuid, name: 'Objetivo 1', days: 2 }, { id: uuid, name: 'Objetivo 2', days: 4 }] },
        { id: uuid, name: 'Ter sucesso', milestones: [] },
      ],
    });
    const ids = [res.body.id, ...res.body.steps.flatMap((s: { id: string; milestones: { id: string }[] }) => [s.id, ...s.milestones.map((m) => m.id)])];
    expect(new Set(ids).size).toBe(5);

    const [event] = await t.eventStore.readStream(journeyStreamId(res.body.id));
    expect(event.type).toBe('JourneyDefined');
    expect(event.data).toEqual({ journeyId: res.body.id, name: 'Jornada da felicidade', steps: res.body.steps });
    expect(event.metadata).toMatchObject({ actor: { id: 'user-admin', role: 'admin' }, schemaVersion: 1 });
  });

  it('answers a repeated Idempotency-Key with the same ids and appends nothing new', async () => {
    const first = await define({ name: 'Idempotente', steps }, { 'Idempotency-Key': 'journey-1' });
    const before = await eventCount();
    const again = await define({ name: 'Idempotente', steps }, { 'Idempotency-Key': 'journey-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount()).toBe(before);
  });

  describe('refusals append nothing', () => {
    let before: number;
    beforeEach(async () => {
      before = await eventCount();
    });
    afterEach(async () => {
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['no name', { steps }, 'name'],
      ['a blank name', { name: '  ', steps }, 'name'],
      ['a name over 256 characters', { name: 'x'.repeat(257), steps }, 'name'],
      ['no steps', { name: 'J' }, 'steps'],
      ['an empty step list', { name: 'J', steps: [] }, 'steps'],
      ['a step name over 256 characters', { name: 'J', steps: [{ name: 'x'.repeat(257), milestones: [] }] }, 'steps.0.name'],
      ['a step without its milestone list', { name: 'J', steps: [{ name: 'S' }] }, 'steps.0.milestones'],
      ['a milestone name over 256 characters', { name: 'J', steps: [{ name: 'S', milestones: [{ name: 'x'.repeat(257), days: 1 }] }] }, 'steps.0.milestones.0.name'],
      ['negative days', { name: 'J', steps: [steps[1], { name: 'S', milestones: [{ name: 'M', days: -1 }] }] }, 'steps.1.milestones.0.days'],
      ['fractional days', { name: 'J', steps: [{ name: 'S', milestones: [{ name: 'M', days: 1.5 }] }] }, 'steps.0.milestones.0.days'],
      ['days as text', { name: 'J', steps: [{ name: 'S', milestones: [{ name: 'M', days: '2' }] }] }, 'steps.0.milestones.0.days'],
      ['an unknown field', { name: 'J', steps, color: 'blue' }, 'color'],
    ])('400 naming the field for %s', async (_label, body, field) => {
      const res = await define(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('accepts exactly 256 characters but not 257', async () => {
      const ok = await define({ name: 'x'.repeat(256), steps: [{ name: 'y'.repeat(256), milestones: [{ name: 'z'.repeat(256), days: 0 }] }] });
      expect(ok.status).toBe(201);
      before += 1;
    });

    it('403 for roles other than admin, 401 without a token', async () => {
      for (const role of ['manager', 'broker', 'readonly'] as const) {
        expect((await t.http.post('/journeys').set(as(role)).send({ name: 'J', steps })).status).toBe(403);
      }
      expect((await t.http.post('/journeys').send({ name: 'J', steps })).status).toBe(401);
    });
  });

  it('describes the journey, wallet and board routes truthfully in the OpenAPI document', async () => {
    const { paths, components } = (await t.http.get('/docs-json')).body;
    const responses = (path: string, method: string) => Object.keys(paths[path][method].responses).sort();
    expect(responses('/journeys', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '415', '429']);
    expect(responses('/wallets', 'post')).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '429']);
    expect(responses('/customers/{id}/wallet', 'put')).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429']);
    expect(responses('/customers/{id}/stage', 'post')).toContain('422');
    expect(responses('/customers/{id}/milestones/{milestoneId}/complete', 'post')).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '422', '429']);
    expect(responses('/wallets/{id}/board', 'get')).toEqual(['200', '400', '401', '404', '503']);

    const board = paths['/wallets/{id}/board'].get;
    expect(board.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/WalletBoardDto');
    expect(board.parameters.find((p: { name: string }) => p.name === 'milestoneStatus').schema.enum).toEqual(['late', 'today', 'on_time', 'completed']);
    const card = components.schemas.BoardCardDto;
    expect(card.required.sort()).toEqual(['customerId', 'daysInStep', 'enteredStepAt', 'isNew', 'milestoneStatus', 'name', 'overdue', 'progress']);
    expect(components.schemas.JourneyAnswerDto.required).toEqual(expect.arrayContaining(['id', 'revision', 'position', 'steps']));
  });
});
