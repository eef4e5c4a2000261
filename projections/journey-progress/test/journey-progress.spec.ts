import { randomUUID } from 'node:crypto';
import { customerJourneyStreamId, customerStreamId, journeyStreamId, type DomainEvent } from '@trilha/domain';
import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import {
  journeyProgressProjection,
  journeyProgressView,
  PROGRESS_CUSTOMERS,
  PROGRESS_JOURNEYS,
  type ProgressCustomerDocument,
  type ProgressJourneyDocument,
} from '@trilha/projections/journey-progress';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
const journeyId = '0b6c7a52-6a0e-4d6f-9a0e-1d2c3b4a5f01';
const steps = [
  { id: 's1', name: 'Boas-vindas', milestones: [{ id: 'm1', name: 'Kickoff', days: 2 }, { id: 'm2', name: 'Treinamento', days: 5 }] },
  { id: 's2', name: 'Adoção', milestones: [{ id: 'm3', name: 'Uso', days: 10 }] },
  { id: 's3', name: 'Sucesso', milestones: [] },
];

/** Ana enters s1 on Jan 1st, completes m1 on time and m2 late, concludes s1 late on the 8th and moves to s2 on the 8th. */
async function recordStory(): Promise<RecordedEvent[]> {
  const story: Array<[string, string, DomainEvent]> = [
    ['2025-12-20T10:00:00Z', journeyStreamId(journeyId), { type: 'JourneyDefined', data: { journeyId, name: 'Onboarding', steps } }],
    ['2026-01-01T10:00:00Z', customerStreamId(ana), { type: 'TemperatureChanged', data: { customerId: ana, to: 'hot' } }],
    ['2026-01-01T10:00:00Z', customerJourneyStreamId(ana), { type: 'CustomerPlacedInWallet', data: { customerId: ana, walletId: 'w1', journeyId, stepId: 's1' } }],
    ['2026-01-03T10:00:00Z', customerJourneyStreamId(ana), { type: 'MilestoneCompleted', data: { customerId: ana, journeyId, stepId: 's1', milestoneId: 'm1', completedOn: '2026-01-03' } }],
    ['2026-01-08T10:00:00Z', customerJourneyStreamId(ana), { type: 'MilestoneCompleted', data: { customerId: ana, journeyId, stepId: 's1', milestoneId: 'm2', completedOn: '2026-01-07' } }],
    ['2026-01-08T11:00:00Z', customerJourneyStreamId(ana), { type: 'StepConcluded', data: { customerId: ana, journeyId, stepId: 's1', concludedOn: '2026-01-08' } }],
    ['2026-01-08T12:00:00Z', customerJourneyStreamId(ana), { type: 'CustomerStageMoved', data: { customerId: ana, journeyId, fromStepId: 's1', toStepId: 's2' } }],
    ['2026-01-02T10:00:00Z', customerJourneyStreamId(bia), { type: 'CustomerPlacedInWallet', data: { customerId: bia, walletId: 'w1', journeyId, stepId: 's1' } }],
    ['2026-01-02T11:00:00Z', customerJourneyStreamId(bia), { type: 'StepConcluded', data: { customerId: bia, journeyId, stepId: 's3', concludedOn: '2026-01-02' } }],
    ['2026-01-05T10:00:00Z', customerJourneyStreamId(bia), { type: 'CustomerPlacedInWallet', data: { customerId: bia, walletId: 'w2', fromWalletId: 'w1' } }],
  ];
  const store = new InMemoryEventStore();
  for (const [occurredAt, stream, event] of story) {
    await store.append(stream, [{ id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata: { occurredAt } }], 'any');
  }
  const events = await store.readAll({ filter: journeyProgressProjection.filter });
  await store.close();
  return events;
}

describe('journey progress (CS12)', () => {
  const projection = projectionInMemory(journeyProgressProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
  });

  const { feed } = projection;
  const customer = (id: string) => projection.readStore.collection<ProgressCustomerDocument>(PROGRESS_CUSTOMERS).findOne({ _id: id });
  const journey = () => projection.readStore.collection<ProgressJourneyDocument>(PROGRESS_JOURNEYS).findOne({ _id: journeyId });
  const onDay = (day: string) => ({ now: new Date(`${day}T15:00:00Z`), timeZone: 'America/Sao_Paulo' });

  it('reads only journeys and customer journeys, and keeps the step entered, the dates reported and the current step', async () => {
    expect(events.map((e) => e.type)).not.toContain('TemperatureChanged');
    await feed(events);
    const { _pos, ...doc } = (await customer(ana))!;
    expect(doc).toEqual({
      _id: ana,
      walletId: 'w1',
      journeyId,
      stepId: 's2',
      entered: { s1: '2026-01-01T10:00:00Z', s2: '2026-01-08T12:00:00Z' },
      completed: { m1: '2026-01-03', m2: '2026-01-07' },
      concluded: { s1: '2026-01-08' },
    });
  });

  it('starts afresh in another wallet, and gives no journey for a wallet without one', async () => {
    await feed(events);
    const doc = (await customer(bia))!;
    expect(doc).toMatchObject({ walletId: 'w2', entered: {}, completed: {}, concluded: {} });
    expect(doc.journeyId).toBeUndefined();
    expect(journeyProgressView(doc, await journey(), onDay('2026-01-10'))).toEqual({ customerId: bia, walletId: 'w2', journey: null, currentStepId: null, steps: [] });
  });

  it('is the same after a replay of every event', async () => {
    await feed(events);
    const once = await customer(ana);
    await feed(events);
    expect(await customer(ana)).toEqual(once);
  });

  it('shows done on time green and done late red, and what is not done as late, due today or on time', async () => {
    await feed(events);
    const view = journeyProgressView((await customer(ana))!, await journey(), onDay('2026-01-18'));
    expect(view.journey).toEqual({ id: journeyId, name: 'Onboarding' });
    expect(view.currentStepId).toBe('s2');
    const [s1, s2, s3] = view.steps;
    // s1 entered Jan 1st: m1 due the 3rd (done the 3rd), m2 due the 6th (done the 7th); the step's deadline is the 6th.
    expect(s1).toMatchObject({ current: false, enteredOn: '2026-01-01', dueOn: '2026-01-06', concludedOn: '2026-01-08', status: 'concluded_late' });
    expect(s1.milestones.map((m) => [m.id, m.dueOn, m.completedOn, m.status])).toEqual([
      ['m1', '2026-01-03', '2026-01-03', 'completed_on_time'],
      ['m2', '2026-01-06', '2026-01-07', 'completed_late'],
    ]);
    // s2 entered the 8th: m3 due the 18th, today.
    expect(s2).toMatchObject({ current: true, enteredOn: '2026-01-08', dueOn: '2026-01-18', concludedOn: null, status: 'on_time' });
    expect(s2.milestones.map((m) => m.status)).toEqual(['today']);
    expect(s3).toMatchObject({ current: false, enteredOn: null, dueOn: null, concludedOn: null, status: 'not_started', milestones: [] });

    const later = journeyProgressView((await customer(ana))!, await journey(), onDay('2026-01-19'));
    expect(later.steps[1]).toMatchObject({ status: 'late' });
    expect(later.steps[1].milestones[0].status).toBe('late');
    const earlier = journeyProgressView((await customer(ana))!, await journey(), onDay('2026-01-12'));
    expect(earlier.steps[1].milestones[0].status).toBe('on_time');
  });

  it('counts the days of the business time zone', async () => {
    await feed(events);
    // Ana entered s2 at 2026-01-08T12:00Z, the 8th in both zones; 2026-01-18T23:30Z is already the 19th in Tokyo, still the 18th in São Paulo.
    const tokyo = journeyProgressView((await customer(ana))!, await journey(), { now: new Date('2026-01-18T23:30:00Z'), timeZone: 'Asia/Tokyo' });
    const saoPaulo = journeyProgressView((await customer(ana))!, await journey(), { now: new Date('2026-01-18T23:30:00Z'), timeZone: 'America/Sao_Paulo' });
    expect(tokyo.steps[1].milestones[0].status).toBe('late');
    expect(saoPaulo.steps[1].milestones[0].status).toBe('today');
  });

  it('concludes a step that has no milestones on time, and one never entered too', async () => {
    const doc: ProgressCustomerDocument = { _id: ana, walletId: 'w1', journeyId, stepId: 's1', entered: { s1: '2026-01-01T10:00:00Z' }, completed: {}, concluded: { s3: '2026-01-02' } };
    const view = journeyProgressView(doc, { _id: journeyId, name: 'Onboarding', steps }, onDay('2026-01-02'));
    expect(view.steps[2]).toMatchObject({ enteredOn: null, concludedOn: '2026-01-02', status: 'concluded_on_time' });
  });
});
