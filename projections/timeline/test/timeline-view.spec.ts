import type { RecordedEvent } from '@trilha/event-store';
import { labelKeysOf, TIMELINE_ENTRIES, timelineProjection, type TimelineEntryDocument } from '@trilha/projections/timeline';
import { ana, at, basic, journeyId, premium, proposalId, recordStory, visitId } from './story';
import { servedItems } from './served-items';
import { projectionInMemory } from '../../test-support/projection-in-memory';

describe('timeline view: entries as the API serves them', () => {
  const projection = projectionInMemory(timelineProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
    await projection.feed(events);
  });

  const itemsOf = (customerId: string, options = { withLabels: true }) => servedItems(projection.readStore, customerId, options);

  it('tells the customer’s story newest first in pt-BR, with names looked up', async () => {
    const items = await itemsOf(ana);
    expect(items.map((i) => i.summary)).toEqual([
      'Marcador removido: ⭐ Cliente VIP',
      'Marcador definido: ⭐ Cliente VIP',
      'Etapa Boas-vindas concluída em 12/03/2026',
      'Etapa alterada de Boas-vindas para Adoção',
      'Marco Kickoff concluído em 11/03/2026',
      'Cliente movido da carteira Básica para a carteira Premium, na etapa Boas-vindas',
      'Cliente colocado na carteira Básica',
      'Serviço perdido com o ciclo futuro: Vendeu o carro',
      'Serviço agendado para 01/04/2026 às 09:00',
      'Visita concluída com sucesso',
      'Visita confirmada',
      'Visita remarcada de 12/03/2026 às 14:00 para 13/03/2026 às 09:30',
      'Visita agendada para 12/03/2026 às 14:00',
      'Comentário: Oi, ainda tenho interesse!',
      'Comentário: Prefere contato à tarde',
      'Status do lead alterado de Novo para Venda',
      'Proposta de R$ 1.500,00 marcada como venda',
      'Proposta registrada: R$ 1.500,00',
      'Produto de interesse definido: apt-301',
      'Momento definido: pesquisa (primeira visita)',
      'Objetivo definido: comprar',
      'Temperatura revertida de quente para morna',
      'Temperatura alterada de morna para quente',
      'Temperatura definida como morna',
      'Dados alterados: nome, e-mail',
      'Cliente cadastrado pelo chatbot (canal: WhatsApp)',
    ]);
  });

  it('serves id, at, type, actor and the data with its names filled in', async () => {
    const items = await itemsOf(ana);
    const moved = items.find((i) => i.type === 'placed_in_wallet' && i.data.fromWalletId !== null)!;
    const event = events.find((e) => e.type === 'CustomerPlacedInWallet' && e.data.fromWalletId)!;
    expect(moved).toEqual({
      id: event.id,
      at: at(26),
      type: 'placed_in_wallet',
      actor: { id: 'u7', role: 'broker', kind: 'user' },
      summary: 'Cliente movido da carteira Básica para a carteira Premium, na etapa Boas-vindas',
      data: { walletId: premium, walletName: 'Premium', fromWalletId: basic, fromWalletName: 'Básica', journeyId, journeyName: 'Onboarding', stepId: 's1', stepName: 'Boas-vindas' },
    });
    expect(items.find((i) => i.type === 'proposal_marked_as_sale')?.data).toEqual({ proposalId, productId: 'apt-301', amount: '1500.00', amountCents: 150000 });
    expect(items.find((i) => i.type === 'appointment_confirmed')?.data).toEqual({ appointmentId: visitId, kind: 'visit' });
    expect(items.find((i) => i.type === 'milestone_completed')?.data).toMatchObject({ stepName: 'Boas-vindas', milestoneName: 'Kickoff', journeyName: 'Onboarding' });
  });

  it('leaves an unknown name null and words the entry with the id instead', async () => {
    const items = await itemsOf(ana, { withLabels: false });
    const moved = items.find((i) => i.type === 'stage_moved')!;
    expect(moved.data).toEqual({ journeyId, journeyName: null, fromStepId: 's1', fromStepName: null, toStepId: 's2', toStepName: null });
    expect(moved.summary).toBe('Etapa alterada de s1 para s2');
    expect(items.find((i) => i.type === 'appointment_confirmed')?.summary).toBe('Agendamento confirmado');
  });

  it('asks only for the labels a page needs, once each', async () => {
    const docs = await projection.readStore.collection<TimelineEntryDocument>(TIMELINE_ENTRIES).find({ customerId: ana, type: { $in: ['stage_moved', 'milestone_completed'] } });
    expect(labelKeysOf(docs).sort()).toEqual([`journey:${journeyId}`, `milestone:${journeyId}:m1`, `step:${journeyId}:s1`, `step:${journeyId}:s2`]);
  });
});
