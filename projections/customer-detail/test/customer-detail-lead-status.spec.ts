import type { RecordedEvent } from '@trilha/event-store';
import { CUSTOMERS_COLLECTION, customerDetailProjection } from '@trilha/projections/customer-detail';
import { ana, bia, caio, dora, recordLeadStatusStory } from '../../test/lead-status-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

describe('customer detail projection: scheduled lead status change (T14)', () => {
  const projection = projectionInMemory(customerDetailProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordLeadStatusStory(customerDetailProjection.filter);
  });

  const { feed } = projection;
  const statuses = async () =>
    Object.fromEntries((await projection.readStore.collection(CUSTOMERS_COLLECTION).find({})).map((c) => [c._id, { leadStatus: c.leadStatus, scheduled: c.scheduledLeadStatus }]));

  it('shows the pending change, none once cancelled, carried out or the customer deleted', async () => {
    await feed(events);
    expect(await statuses()).toEqual({
      [ana]: { leadStatus: 'new', scheduled: { to: 'no_sale', at: '2026-03-01T12:00:00.000Z' } },
      [bia]: { leadStatus: 'new', scheduled: undefined },
      [caio]: { leadStatus: 'in_progress', scheduled: undefined },
      [dora]: { leadStatus: 'new', scheduled: undefined },
    });
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await statuses();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await statuses()).toEqual(once);
  });
});
