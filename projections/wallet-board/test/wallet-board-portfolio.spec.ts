import { customerStreamId, type DomainEvent } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { BOARD_CARDS, walletBoardProjection, type BoardCardDocument } from '@trilha/projections/wallet-board';
import { IN_A_PORTFOLIO } from '../../out-of-portfolio';
import { recordMarkerStory } from '../../test/marker-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
const caio = '8b3f4d30-2e9c-4f70-9c74-8c3b5e3b1a23';
const on = (customerId: string, event: DomainEvent): [string, DomainEvent] => [customerStreamId(customerId), event];

const STORY: Array<[string, DomainEvent]> = [
  ...[ana, bia, caio].map((customerId) => on(customerId, { type: 'CustomerRegistered', data: { customerId, name: 'Cliente', phones: [] } })),
  on(ana, { type: 'MarkedAsNonCustomer', data: { customerId: ana, kind: 'test' } }),
  on(ana, { type: 'MarkedAsNonCustomer', data: { customerId: ana, kind: 'supplier', fromKind: 'test' } }),
  on(bia, { type: 'PortfolioExceptionSet', data: { customerId: bia, exception: 'active_offer' } }),
  on(caio, { type: 'PortfolioExceptionSet', data: { customerId: caio, exception: 'deny_list' } }),
  on(caio, { type: 'PortfolioExceptionCleared', data: { customerId: caio, exception: 'deny_list' } }),
];

describe('wallet board projection: cards out of every portfolio (T9, T12)', () => {
  const projection = projectionInMemory(walletBoardProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordMarkerStory(walletBoardProjection.filter, STORY);
  });

  const { feed } = projection;
  const cards = () => projection.readStore.collection<BoardCardDocument>(BOARD_CARDS);
  const reasons = async () => Object.fromEntries((await cards().find({})).map((c) => [c._id, c.outOfPortfolio]));

  it('subscribes to the four events, and lists on each card the reasons that hold', async () => {
    expect(events.map((e) => e.type)).toEqual(STORY.map(([, e]) => e.type));
    await feed(events);
    expect(await reasons()).toEqual({ [ana]: ['non_customer'], [bia]: ['active_offer'], [caio]: [] });
    expect((await cards().find(IN_A_PORTFOLIO)).map((c) => c._id)).toEqual([caio]);
  });

  it('makes the card when a reason comes before any other event of the customer', async () => {
    await feed(events.slice(3, 4));
    expect(await cards().findOne({ _id: ana })).toMatchObject({ outOfPortfolio: ['non_customer'], isNew: false, completed: {}, markers: [] });
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await reasons();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await reasons()).toEqual(once);
  });
});
