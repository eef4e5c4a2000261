import { customerStreamId } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { CUSTOMERS_COLLECTION, customerDetailProjection } from '@trilha/projections/customer-detail';
import { recordMarkerStory } from '../../test/marker-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';

describe('customer detail projection: rating (T13)', () => {
  const projection = projectionInMemory(customerDetailProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordMarkerStory(customerDetailProjection.filter, [
      [customerStreamId(ana), { type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana', phones: [] } }],
      [customerStreamId(bia), { type: 'CustomerRegistered', data: { customerId: bia, name: 'Bia', phones: [] } }],
      [customerStreamId(ana), { type: 'RatingChanged', data: { customerId: ana, to: 5 } }],
      [customerStreamId(ana), { type: 'RatingChanged', data: { customerId: ana, from: 5, to: 0 } }],
    ]);
  });

  const { feed } = projection;
  const ratings = async () => Object.fromEntries((await projection.readStore.collection(CUSTOMERS_COLLECTION).find({})).map((c) => [c._id, c.rating]));

  it('keeps the latest rating, 0 included; a customer never rated has none', async () => {
    await feed(events);
    expect(await ratings()).toEqual({ [ana]: 0, [bia]: undefined });
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await ratings();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await ratings()).toEqual(once);
  });
});
