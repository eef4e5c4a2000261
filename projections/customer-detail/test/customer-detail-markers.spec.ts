import type { RecordedEvent } from '@trilha/event-store';
import { CUSTOMERS_COLLECTION, customerDetailProjection, MARKERS_COLLECTION } from '@trilha/projections/customer-detail';
import { ana, bia, MARKER_STORY, recordMarkerStory, risk, vip } from '../../test/marker-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

describe('customer detail projection: markers (CS6)', () => {
  const projection = projectionInMemory(customerDetailProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordMarkerStory(customerDetailProjection.filter);
  });

  const { feed } = projection;
  const markers = () => projection.readStore.collection(MARKERS_COLLECTION).find({});
  const markerIds = async () => Object.fromEntries((await projection.readStore.collection(CUSTOMERS_COLLECTION).find({})).map((c) => [c._id, c.markerId]));

  it('reads the marker catalogue stream along with the customers', () => {
    expect(events).toHaveLength(MARKER_STORY.length);
  });

  it('keeps the catalogue, with deleted markers flagged, and the marker of each customer', async () => {
    await feed(events);
    expect(await markers()).toEqual([
      { _id: vip, name: 'Cliente VIP', emoji: '💎', createdAt: '2026-01-15T12:00:00.000Z', deleted: false, _pos: expect.any(String) },
      { _id: risk, name: 'Em risco', emoji: '⚠️', createdAt: '2026-01-15T12:01:00.000Z', deleted: true, _pos: expect.any(String) },
    ]);
    // Bia keeps the id of the deleted marker: the query shows none for it.
    expect(await markerIds()).toEqual({ [ana]: vip, [bia]: risk });
  });

  it('forgets the marker of a customer whose marker is cleared', async () => {
    const [cleared] = await recordMarkerStory(customerDetailProjection.filter, [
      ...MARKER_STORY,
      [`customer-${ana}`, { type: 'CustomerMarkerCleared', data: { customerId: ana, markerId: vip } }],
    ]).then((all) => all.slice(-1));
    await feed(events);
    await feed([cleared]);
    expect(await markerIds()).toEqual({ [ana]: undefined, [bia]: risk });
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = { markers: await markers(), customers: await markerIds() };
    await feed(events);
    for (const event of events) await feed([event]);
    expect({ markers: await markers(), customers: await markerIds() }).toEqual(once);
  });
});
