import type { RecordedEvent } from '@trilha/event-store';
import { BOARD_CARDS, walletBoardProjection } from '@trilha/projections/wallet-board';
import { ana, bia, MARKER_STORY, recordMarkerStory, vip } from '../../test/marker-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

describe('wallet board projection: markers on cards (CS6)', () => {
  const projection = projectionInMemory(walletBoardProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordMarkerStory(walletBoardProjection.filter);
  });

  const { feed } = projection;
  const markersOfCards = async () => Object.fromEntries((await projection.readStore.collection(BOARD_CARDS).find({})).map((c) => [c._id, c.markers]));

  it('reads the set, cleared and deleted markers, not the names and emojis', () => {
    expect(events.map((e) => e.type).filter((type) => type.startsWith('Marker'))).toEqual(['MarkerDeleted']);
  });

  it("holds each card's one marker; a deleted marker leaves every card that had it", async () => {
    await feed(events);
    expect(await markersOfCards()).toEqual({ [ana]: [vip], [bia]: [] });
  });

  it('empties the markers of a card whose marker is cleared', async () => {
    const all = await recordMarkerStory(walletBoardProjection.filter, [
      ...MARKER_STORY,
      [`customer-${ana}`, { type: 'CustomerMarkerCleared', data: { customerId: ana, markerId: vip } }],
    ]);
    await feed(all);
    expect(await markersOfCards()).toEqual({ [ana]: [], [bia]: [] });
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await markersOfCards();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await markersOfCards()).toEqual(once);
  });
});
