import { renderSummary, TIMELINE_TYPES, type TimelineData, type TimelineType } from '@trilha/projections/timeline';
import { formatInstant, formatMoney } from '@trilha/projections/timeline/summaries/pt-BR';

const SAO_PAULO = { timeZone: 'America/Sao_Paulo' };
const wallet = { walletId: 'w1', walletName: 'Premium', fromWalletId: null, fromWalletName: null, journeyId: null, journeyName: null, stepId: null, stepName: null };

/** For every timeline type, sample data and the pt-BR sentences they give. */
const SAMPLES: { [T in TimelineType]: Array<[TimelineData<T>, string]> } = {
  customer_registered: [
    [{ channel: null, media: null, entryMethod: null, brokerId: null }, 'Cliente cadastrado'],
    [{ channel: 'WhatsApp', media: 'Instagram', entryMethod: 'chatbot', brokerId: 'u7' }, 'Cliente cadastrado pelo chatbot (canal: WhatsApp)'],
  ],
  data_edited: [[{ fields: ['name', 'phones', 'email', 'brokerId'] }, 'Dados alterados: nome, telefones, e-mail, corretor responsável']],
  temperature_changed: [
    [{ from: 'warm', to: 'hot' }, 'Temperatura alterada de morna para quente'],
    [{ from: null, to: 'cold' }, 'Temperatura definida como fria'],
  ],
  temperature_reverted: [[{ from: 'hot', to: 'warm' }, 'Temperatura revertida de quente para morna']],
  objective_changed: [
    [{ from: 'alugar', to: 'comprar' }, 'Objetivo alterado de alugar para comprar'],
    [{ from: null, to: 'investir' }, 'Objetivo definido: investir'],
  ],
  moment_changed: [
    [{ from: null, to: { moment: 'pesquisa', subMoment: 'primeira visita' } }, 'Momento definido: pesquisa (primeira visita)'],
    [{ from: { moment: 'pesquisa' }, to: { moment: 'negociação' } }, 'Momento alterado de pesquisa para negociação'],
  ],
  product_of_interest_changed: [
    [{ from: 'apt-101', to: 'apt-301' }, 'Produto de interesse alterado de apt-101 para apt-301'],
    [{ from: null, to: 'apt-301' }, 'Produto de interesse definido: apt-301'],
  ],
  proposal_registered: [
    [{ proposalId: 'p1', productId: 'apt-301', amount: '1500.00', amountCents: 150000, notes: null }, 'Proposta registrada: R$ 1.500,00'],
    [{ proposalId: 'p1', productId: 'apt-301', amount: '1234567.89', amountCents: 123456789, notes: 'à vista' }, 'Proposta registrada: R$ 1.234.567,89'],
  ],
  proposal_marked_as_sale: [
    [{ proposalId: 'p1', productId: 'apt-301', amount: '0.50', amountCents: 50 }, 'Proposta de R$ 0,50 marcada como venda'],
    [{ proposalId: 'p1', productId: null, amount: null, amountCents: null }, 'Proposta marcada como venda'],
  ],
  lead_status_changed: [
    [{ from: 'in_progress', to: 'no_sale', scheduleId: null }, 'Status do lead alterado de Em progresso para Sem venda'],
    [{ from: 'new', to: 'sale', scheduleId: 's1' }, 'Status do lead alterado de Novo para Venda (agendada)'],
  ],
  disinterest_informed: [[{ reason: 'Comprou com outra empresa' }, 'Desinteresse informado: Comprou com outra empresa']],
  comment_added: [
    [{ commentId: 'c1', text: 'Prefere contato\n\nà tarde' }, 'Comentário: Prefere contato à tarde'],
    [{ commentId: 'c2', text: 'a'.repeat(200) }, `Comentário: ${'a'.repeat(139)}…`],
  ],
  appointment_scheduled: [
    [{ appointmentId: 'a1', kind: 'visit', scheduledFor: '2026-03-12T17:00:00.000Z', responsibleId: 'u7', notes: null }, 'Visita agendada para 12/03/2026 às 14:00'],
    [{ appointmentId: 'a1', kind: 'service', scheduledFor: '2026-03-13T02:30:00.000Z', responsibleId: 'u7', notes: 'Revisão' }, 'Serviço agendado para 12/03/2026 às 23:30'],
  ],
  appointment_rescheduled: [
    [{ appointmentId: 'a1', kind: 'task', from: '2026-03-12T17:00:00.000Z', scheduledFor: '2026-03-13T12:05:00.000Z' }, 'Tarefa remarcada de 12/03/2026 às 14:00 para 13/03/2026 às 09:05'],
  ],
  appointment_confirmed: [
    [{ appointmentId: 'a1', kind: 'reminder' }, 'Lembrete confirmado'],
    [{ appointmentId: 'a1', kind: null }, 'Agendamento confirmado'],
  ],
  appointment_succeeded: [
    [{ appointmentId: 'a1', kind: 'visit' }, 'Visita concluída com sucesso'],
    [{ appointmentId: 'a1', kind: 'follow_up' }, 'Acompanhamento concluído com sucesso'],
  ],
  appointment_lost: [
    [{ appointmentId: 'a1', kind: 'visit', reason: 'Não atende', loseFutureCycle: false, cycleOf: null }, 'Visita perdida: Não atende'],
    [{ appointmentId: 'a1', kind: 'service', reason: 'Vendeu o carro', loseFutureCycle: true, cycleOf: null }, 'Serviço perdido, com os agendamentos futuros do cliente: Vendeu o carro'],
    [{ appointmentId: 'a2', kind: 'service', reason: 'Vendeu o carro', loseFutureCycle: false, cycleOf: 'a1' }, 'Serviço perdido com o ciclo futuro: Vendeu o carro'],
  ],
  placed_in_wallet: [
    [wallet, 'Cliente colocado na carteira Premium'],
    [{ ...wallet, fromWalletId: 'w0', fromWalletName: 'Básica', journeyId: 'j1', journeyName: 'Onboarding', stepId: 's1', stepName: 'Boas-vindas' }, 'Cliente movido da carteira Básica para a carteira Premium, na etapa Boas-vindas'],
    [{ ...wallet, walletName: null }, 'Cliente colocado na carteira w1'],
  ],
  stage_moved: [
    [{ journeyId: 'j1', journeyName: 'Onboarding', fromStepId: 's1', fromStepName: 'Boas-vindas', toStepId: 's2', toStepName: 'Adoção' }, 'Etapa alterada de Boas-vindas para Adoção'],
  ],
  milestone_completed: [
    [{ journeyId: 'j1', journeyName: 'Onboarding', stepId: 's1', stepName: 'Boas-vindas', milestoneId: 'm1', milestoneName: 'Kickoff', completedOn: '2026-03-11' }, 'Marco Kickoff concluído em 11/03/2026'],
  ],
  step_concluded: [
    [{ journeyId: 'j1', journeyName: 'Onboarding', stepId: 's1', stepName: 'Boas-vindas', concludedOn: '2026-03-12' }, 'Etapa Boas-vindas concluída em 12/03/2026'],
    [{ journeyId: 'j1', journeyName: null, stepId: 's1', stepName: null, concludedOn: '2026-03-12' }, 'Etapa s1 concluída em 12/03/2026'],
  ],
  customer_deleted: [[{}, 'Cliente excluído: dados pessoais removidos (LGPD)']],
  marker_set: [
    [{ markerId: 'k1', markerName: 'Cliente VIP', markerEmoji: '⭐' }, 'Marcador definido: ⭐ Cliente VIP'],
    [{ markerId: 'k1', markerName: null, markerEmoji: null }, 'Marcador definido: k1'],
  ],
  marker_cleared: [[{ markerId: 'k1', markerName: 'Em risco', markerEmoji: '⚠️' }, 'Marcador removido: ⚠️ Em risco']],
  lead_status_change_scheduled: [[{ scheduleId: 's1', to: 'sale', at: '2026-03-12T17:00:00.000Z' }, 'Mudança de status agendada para Venda em 12/03/2026 às 14:00']],
  lead_status_change_cancelled: [
    [{ scheduleId: 's1', to: 'sale', at: '2026-03-12T17:00:00.000Z', reason: null }, 'Mudança de status agendada para Venda em 12/03/2026 às 14:00 cancelada'],
    [{ scheduleId: 's1', to: null, at: null, reason: null }, 'Mudança de status agendada cancelada'],
    [
      { scheduleId: 's1', to: 'in_progress', at: '2026-03-12T17:00:00.000Z', reason: 'already_in_status' },
      'Mudança de status agendada para Em progresso em 12/03/2026 às 14:00 cancelada: o lead já estava com esse status',
    ],
  ],
  rating_changed: [
    [{ from: null, to: 4 }, 'Avaliação alterada para 4 estrelas'],
    [{ from: 4, to: 1 }, 'Avaliação alterada de 4 para 1 estrela'],
    [{ from: 1, to: 0 }, 'Avaliação alterada de 1 para 0 estrelas'],
  ],
  note_added: [[{ noteId: 'n1' }, 'Nota criada']],
  non_customer_marked: [
    [{ kind: 'supplier', fromKind: null, note: null }, 'Definido como não cliente (fornecedor)'],
    [{ kind: 'employee', fromKind: null, note: 'Corretora da\nequipe Norte' }, 'Definido como não cliente (colaborador): Corretora da equipe Norte'],
    [{ kind: 'test', fromKind: 'other', note: null }, 'Não cliente alterado de outro para teste'],
    [{ kind: 'test', fromKind: 'test', note: 'Cadastro do treinamento' }, 'Observação de não cliente (teste) alterada: Cadastro do treinamento'],
    [{ kind: 'test', fromKind: 'test', note: null }, 'Observação de não cliente (teste) removida'],
  ],
  non_customer_unmarked: [[{ kind: 'test' }, 'Definição como não cliente (teste) desfeita']],
  portfolio_exception_set: [
    [{ exception: 'expired' }, 'Exceção de carteira definida: Cliente Expirado'],
    [{ exception: 'active_offer' }, 'Exceção de carteira definida: Oferta Ativa'],
  ],
  portfolio_exception_cleared: [[{ exception: 'deny_list' }, 'Exceção de carteira removida: Deny List']],
  contact_added: [[{ contactId: 'k1' }, 'Contato adicionado']],
  contact_edited: [[{ contactId: 'k1' }, 'Contato editado']],
  contact_removed: [[{ contactId: 'k1' }, 'Contato removido']],
  primary_contact_set: [
    [{ contactId: 'k1', previousContactId: null }, 'Contato principal definido'],
    [{ contactId: 'k2', previousContactId: 'k1' }, 'Contato principal alterado'],
  ],
  primary_contact_unset: [[{ contactId: 'k2' }, 'Contato principal desmarcado']],
};

describe('timeline summaries in pt-BR', () => {
  it.each(TIMELINE_TYPES.map((type) => [type]))('words %s', (type) => {
    const samples = SAMPLES[type] as Array<[TimelineData, string]>;
    expect(samples.length).toBeGreaterThan(0);
    for (const [data, sentence] of samples) expect(renderSummary(type, data, SAO_PAULO)).toBe(sentence);
  });

  it('writes money the Brazilian way, with plain spaces', () => {
    expect([0, 5, 100, 99999, 100000, 99_999_999_999_999].map(formatMoney)).toEqual([
      'R$ 0,00',
      'R$ 0,05',
      'R$ 1,00',
      'R$ 999,99',
      'R$ 1.000,00',
      'R$ 999.999.999.999,99',
    ]);
  });

  it('writes an instant in the time zone it is given', () => {
    expect(formatInstant('2026-03-13T02:30:00.000Z', 'America/Sao_Paulo')).toBe('12/03/2026 às 23:30');
    expect(formatInstant('2026-03-13T02:30:00.000Z', 'UTC')).toBe('13/03/2026 às 02:30');
    expect(formatInstant('2026-03-13T00:00:00.000Z', 'UTC')).toBe('13/03/2026 às 00:00');
  });
});
