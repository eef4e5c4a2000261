import { boardView, milestoneStatus, type BoardCardDocument, type BoardJourneyDocument, type BoardWalletDocument } from '@trilha/projections/wallet-board';

// Seed 002's example: milestones of 2, 3 and 3 days in one step; B and C fall due on the same day.
const journey: BoardJourneyDocument = {
  _id: 'j1',
  name: 'Jornada da felicidade',
  steps: [
    {
      id: 's1',
      name: 'Definir um objetivo',
      milestones: [
        { id: 'a', name: 'Marco A', days: 2 },
        { id: 'b', name: 'Marco B', days: 3 },
        { id: 'c', name: 'Marco C', days: 3 },
      ],
    },
    { id: 's2', name: 'Ficar feliz', milestones: [{ id: 'd', name: 'Marco D', days: 0 }] },
    { id: 's3', name: 'Ter sucesso', milestones: [] },
  ],
};
const wallet: BoardWalletDocument = { _id: 'w1', name: 'Carteira', managerId: 'mgr', journeyId: 'j1', isDefault: true };
const card = (id: string, fields: Partial<BoardCardDocument>): BoardCardDocument => ({
  _id: id,
  name: id,
  walletId: 'w1',
  journeyId: 'j1',
  stepId: 's1',
  enteredStepAt: '2026-03-10T22:30:00.000Z',
  isNew: false,
  completed: {},
  markers: [],
  ...fields,
});
/** The clock, fixed: `day` of March 2026 at 09:00 UTC, counting days in UTC. */
const on = (day: number) => ({ now: new Date(Date.UTC(2026, 2, day, 9, 0)), timeZone: 'UTC' });
const only = (cards: BoardCardDocument[], clock: { now: Date; timeZone: string }) => boardView(wallet, journey, cards, clock).columns.flatMap((c) => c.cards);

describe('wallet board view: time-relative fields at a fixed clock (CS5)', () => {
  describe('days in step: grey within the step deadline (its largest milestone, 3 days), red past it', () => {
    it.each([
      [10, 0, false],
      [11, 1, false],
      [13, 3, false],
      [14, 4, true],
    ])('on March %i: %i days, overdue %s', (day, days, overdue) => {
      const [view] = only([card('c1', {})], on(day));
      expect(view).toMatchObject({ daysInStep: days, overdue });
    });

    it('counts the days of the business time zone', () => {
      // Entered 2026-03-10T22:30Z: the 10th in UTC, 19:30 of the 10th in São Paulo (UTC−3).
      const saoPaulo = (instant: string) => ({ now: new Date(instant), timeZone: 'America/Sao_Paulo' });
      expect(only([card('c1', {})], saoPaulo('2026-03-11T02:59:00Z'))[0]).toMatchObject({ daysInStep: 0 });
      expect(only([card('c1', {})], saoPaulo('2026-03-11T03:00:00Z'))[0]).toMatchObject({ daysInStep: 1 });
      // Entered at 01:00Z on the 11th: still the 10th in São Paulo, so Marco A (2 days) was due on the 12th.
      expect(only([card('c1', { enteredStepAt: '2026-03-11T01:00:00.000Z' })], saoPaulo('2026-03-13T12:00:00Z'))[0]).toMatchObject({
        daysInStep: 3,
        milestoneStatus: 'late',
      });
      expect(only([card('c1', { enteredStepAt: '2026-03-11T01:00:00.000Z' })], on(13))[0]).toMatchObject({ daysInStep: 2, milestoneStatus: 'today' });
    });

    it('never goes red in a step without milestones', () => {
      const [view] = only([card('c1', { stepId: 's3' })], on(28));
      expect(view).toMatchObject({ daysInStep: 18, overdue: false, milestoneStatus: 'on_time' });
    });
  });

  describe('milestone status of the current step', () => {
    const step = journey.steps[0];
    it.each([
      ['on_time', 'before any deadline', {}, '2026-03-11'],
      ['today', 'when one is due today', {}, '2026-03-12'],
      ['late', 'when a pending one is past due', {}, '2026-03-13'],
      ['today', 'for B and C due together, once A is done', { a: '2026-03-11' }, '2026-03-13'],
      ['late', 'even if the others are done', { b: '2026-03-11', c: '2026-03-11' }, '2026-03-13'],
      ['completed', 'when all are done, even late', { a: '2026-03-20', b: '2026-03-20', c: '2026-03-20' }, '2026-03-30'],
    ])('%s %s', (expected, _label, completed: Record<string, string>, today) => {
      expect(milestoneStatus(step, completed, '2026-03-10', today)).toBe(expected);
    });

    it('counts a 0-day milestone as due on the day the step is entered', () => {
      expect(milestoneStatus(journey.steps[1], {}, '2026-03-10', '2026-03-10')).toBe('today');
      expect(milestoneStatus(journey.steps[1], {}, '2026-03-10', '2026-03-11')).toBe('late');
    });
  });

  it('lays the cards out in the journey’s columns, with progress over the whole journey', () => {
    const board = boardView(
      wallet,
      journey,
      [
        card('c1', { name: 'Ana', completed: { a: '2026-03-11', d: '2026-03-11' } }),
        card('c2', { name: 'Bia', stepId: 's2', enteredStepAt: '2026-03-12T10:00:00.000Z', isNew: true }),
        card('c3', { name: 'Caio', journeyId: undefined, stepId: undefined, enteredStepAt: undefined }),
      ],
      on(12),
    );
    expect(board).toEqual({
      walletId: 'w1',
      journey: { id: 'j1', name: 'Jornada da felicidade' },
      total: 3,
      columns: [
        {
          stepId: 's1',
          name: 'Definir um objetivo',
          cards: [
            { customerId: 'c1', name: 'Ana', enteredStepAt: '2026-03-10T22:30:00.000Z', daysInStep: 2, overdue: false, isNew: false, milestoneStatus: 'on_time', progress: { done: 2, total: 4 } },
          ],
        },
        {
          stepId: 's2',
          name: 'Ficar feliz',
          cards: [
            { customerId: 'c2', name: 'Bia', enteredStepAt: '2026-03-12T10:00:00.000Z', daysInStep: 0, overdue: false, isNew: true, milestoneStatus: 'today', progress: { done: 0, total: 4 } },
          ],
        },
        { stepId: 's3', name: 'Ter sucesso', cards: [] },
      ],
    });
  });

  it('filters by milestone status and by marker, keeping the wallet total', () => {
    const cards = [card('late', {}), card('fine', { enteredStepAt: '2026-03-12T08:00:00.000Z', markers: ['vip'] })];
    const late = boardView(wallet, journey, cards, on(13), { milestoneStatus: 'late' });
    expect(late.total).toBe(2);
    expect(late.columns[0].cards.map((c) => c.customerId)).toEqual(['late']);
    const vip = boardView(wallet, journey, cards, on(13), { marker: 'vip' });
    expect(vip.columns[0].cards.map((c) => c.customerId)).toEqual(['fine']);
    expect(boardView(wallet, journey, cards, on(13), { marker: 'vip', milestoneStatus: 'late' }).columns[0].cards).toEqual([]);
  });

  it('shows no columns for a wallet without a journey', () => {
    expect(boardView({ ...wallet, journeyId: undefined }, null, [card('c1', {})], on(12))).toEqual({ walletId: 'w1', journey: null, total: 1, columns: [] });
  });
});
