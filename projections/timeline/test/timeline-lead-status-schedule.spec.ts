import { customerStreamId } from '@trilha/domain';
import { TIMELINE_ENTRIES, timelineItem, timelineProjection, type TimelineEntryDocument } from '@trilha/projections/timeline';
import { ana, recordStory } from './story';
import { servedItems } from './served-items';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const first = '11111111-1111-4111-8111-111111111111';
const second = '22222222-2222-4222-8222-222222222222';
const stream = customerStreamId(ana);

/** T14: a change scheduled, replaced, cancelled; another scheduled and applied; one found unneeded when due. */
const SCHEDULES = [
  { stream, type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana', phones: [] } },
  { stream, type: 'LeadStatusChangeScheduled', data: { customerId: ana, scheduleId: first, to: 'sale', at: '2026-03-12T17:00:00.000Z' } },
  { stream, type: 'LeadStatusChangeScheduled', data: { customerId: ana, scheduleId: second, to: 'no_sale', at: '2026-03-13T12:00:00.000Z' } },
  { stream, type: 'LeadStatusChangeCancelled', data: { customerId: ana, scheduleId: second } },
  { stream, type: 'LeadStatusChangeScheduled', data: { customerId: ana, scheduleId: first, to: 'in_progress', at: '2026-03-14T12:00:00.000Z' } },
  { stream, type: 'LeadStatusChanged', data: { customerId: ana, from: 'new', to: 'in_progress', scheduleId: first } },
  { stream, type: 'LeadStatusChangeCancelled', data: { customerId: ana, scheduleId: first, reason: 'already_in_status' } },
  { stream, type: 'LeadStatusChanged', data: { customerId: ana, from: 'in_progress', to: 'sale' } },
];

describe('timeline: scheduled lead status changes (T14)', () => {
  const projection = projectionInMemory(timelineProjection);

  const items = (options = { withLabels: true }) => servedItems(projection.readStore, ana, options);

  it('words each schedule, cancellation and applied change, the cancelled change looked up by its schedule', async () => {
    const events = await recordStory(SCHEDULES);
    // Twice: the same events give the same entries.
    for (let i = 0; i < 2; i++) await projection.feed(events);
    expect((await items()).map((i) => i.summary)).toEqual([
      'Status do lead alterado de Em progresso para Venda',
      'Mudança de status agendada para Em progresso em 14/03/2026 às 09:00 cancelada: o lead já estava com esse status',
      'Status do lead alterado de Novo para Em progresso (agendada)',
      'Mudança de status agendada para Em progresso em 14/03/2026 às 09:00',
      'Mudança de status agendada para Sem venda em 13/03/2026 às 09:00 cancelada',
      'Mudança de status agendada para Sem venda em 13/03/2026 às 09:00',
      'Mudança de status agendada para Venda em 12/03/2026 às 14:00',
      'Cliente cadastrado',
    ]);
    const [byHand, cancelled, applied] = await items();
    expect(byHand.data).toEqual({ from: 'in_progress', to: 'sale', scheduleId: null });
    expect(applied.data).toEqual({ from: 'new', to: 'in_progress', scheduleId: first });
    expect(cancelled.data).toEqual({ scheduleId: first, to: 'in_progress', at: '2026-03-14T12:00:00.000Z', reason: 'already_in_status' });
  });

  it('words a cancellation whose change is not known without it', async () => {
    const events = await recordStory(SCHEDULES.slice(0, 4));
    await projection.feed(events);
    const [cancelled] = await items({ withLabels: false });
    expect(cancelled.summary).toBe('Mudança de status agendada cancelada');
    expect(cancelled.data).toEqual({ scheduleId: second, to: null, at: null, reason: null });
  });

  it('serves an entry of a change stored before schedules existed with scheduleId null', async () => {
    const events = await recordStory(SCHEDULES.slice(0, 1));
    await projection.feed(events);
    const old: TimelineEntryDocument = { ...(await projection.readStore.collection<TimelineEntryDocument>(TIMELINE_ENTRIES).findOne({ customerId: ana }))! };
    const stored = { ...old, _id: `${old._id}-old`, type: 'lead_status_changed' as const, data: { from: 'new', to: 'sale' } };
    const item = timelineItem(stored, new Map(), { timeZone: 'America/Sao_Paulo' });
    expect(item.data).toEqual({ from: 'new', to: 'sale', scheduleId: null });
    expect(item.summary).toBe('Status do lead alterado de Novo para Venda');
  });
});
