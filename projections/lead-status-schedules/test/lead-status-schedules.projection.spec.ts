import { customerStreamId } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { leadStatusSchedulesProjection, PENDING_SCHEDULES } from '@trilha/projections/lead-status-schedules';
import { ana, bia, LEAD_STATUS_STORY, recordLeadStatusStory, schedule } from '../../test/lead-status-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

describe('lead status schedules projection (T14)', () => {
  const projection = projectionInMemory(leadStatusSchedulesProjection);

  const { feed } = projection;
  const pending = () => projection.readStore.collection(PENDING_SCHEDULES).find({}, { sort: { at: 1 } });

  it('keeps one pending change per customer: replaced, and gone once cancelled, carried out or the customer deleted', async () => {
    const events = await recordLeadStatusStory(leadStatusSchedulesProjection.filter);
    await feed(events);
    const replacement = events.find((e) => e.data.scheduleId === schedule(5))!;
    expect(await pending()).toEqual([
      { _id: ana, scheduleId: schedule(5), to: 'no_sale', at: '2026-03-01T12:00:00.000Z', causationId: replacement.id, correlationId: replacement.id, _pos: expect.any(String) },
    ]);
  });

  it('reads only the events it needs', async () => {
    const events = await recordLeadStatusStory(leadStatusSchedulesProjection.filter);
    expect(events.map((e) => e.type)).not.toContain('CustomerRegistered');
    expect(events).toHaveLength(LEAD_STATUS_STORY.length - 4);
  });

  it('keeps a change whose customer’s lead status moved by hand', async () => {
    const events = await recordLeadStatusStory(leadStatusSchedulesProjection.filter, [
      ...LEAD_STATUS_STORY,
      [customerStreamId(ana), { type: 'LeadStatusChanged', data: { customerId: ana, from: 'new', to: 'in_progress' } }],
    ]);
    await feed(events);
    expect((await pending()).map((p) => p.scheduleId)).toEqual([schedule(5)]);
  });

  it('a cancellation of a change already replaced leaves the replacement', async () => {
    const events = await recordLeadStatusStory(leadStatusSchedulesProjection.filter, [
      ...LEAD_STATUS_STORY,
      [customerStreamId(ana), { type: 'LeadStatusChangeCancelled', data: { customerId: ana, scheduleId: schedule(1) } }],
      [customerStreamId(bia), { type: 'LeadStatusChangeScheduled', data: { customerId: bia, scheduleId: schedule(6), to: 'sale', at: '2026-01-30T12:00:00.000Z' } }],
    ]);
    await feed(events);
    expect((await pending()).map((p) => [p._id, p.scheduleId])).toEqual([[bia, schedule(6)], [ana, schedule(5)]]);
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    const events = await recordLeadStatusStory(leadStatusSchedulesProjection.filter);
    await feed(events);
    const once = await pending();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await pending()).toEqual(once);
  });
});
