import type { AppointmentKind, EditableField, EntryMethod, LeadStatus, Moment, NonCustomerKind, PortfolioException, Temperature } from '@trilha/domain';
import type { SummaryCatalogue } from './catalogue';

const TEMPERATURES: Record<Temperature, string> = { cold: 'fria', warm: 'morna', hot: 'quente' };

/** Seed 001's four lead states. */
const LEAD_STATUSES: Record<LeadStatus, string> = { new: 'Novo', in_progress: 'Em progresso', sale: 'Venda', no_sale: 'Sem venda' };

const FIELDS: Record<EditableField, string> = {
  name: 'nome',
  phones: 'telefones',
  email: 'e-mail',
  whatsapp: 'WhatsApp',
  media: 'mídia',
  channel: 'canal',
  brokerId: 'corretor responsável',
};

/** T9: seed 000's "Fornecedor, Teste, colaborador, etc.". */
const NON_CUSTOMER_KINDS: Record<NonCustomerKind, string> = { supplier: 'fornecedor', test: 'teste', employee: 'colaborador', other: 'outro' };

/** T12: the exceptions as seed 000 names them. */
const PORTFOLIO_EXCEPTIONS: Record<PortfolioException, string> = { expired: 'Cliente Expirado', active_offer: 'Oferta Ativa', deny_list: 'Deny List' };

const ENTRY_METHODS: Record<EntryMethod, string> = {
  chatbot: 'pelo chatbot',
  lead_ads: 'pelo Lead Ads',
  api: 'pela API',
  form: 'por formulário',
  manual: 'manualmente',
};

/** The noun of an appointment, with its gender for the participle that follows it. */
const APPOINTMENTS: Record<AppointmentKind, { noun: string; feminine: boolean }> = {
  service: { noun: 'Serviço', feminine: false },
  visit: { noun: 'Visita', feminine: true },
  follow_up: { noun: 'Acompanhamento', feminine: false },
  task: { noun: 'Tarefa', feminine: true },
  reminder: { noun: 'Lembrete', feminine: false },
};
/** When the kind is not known. */
const ANY_APPOINTMENT = { noun: 'Agendamento', feminine: false };

/** "Visita confirmada", "Serviço confirmado": `participle` is written in the masculine, ending in "o". */
function appointment(kind: AppointmentKind | null, participle: string): string {
  const { noun, feminine } = kind ? APPOINTMENTS[kind] : ANY_APPOINTMENT;
  return `${noun} ${feminine ? `${participle.slice(0, -1)}a` : participle}`;
}

/** "R$ 1.500,00" */
export function formatMoney(cents: number): string {
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `R$ ${whole},${String(cents % 100).padStart(2, '0')}`;
}

/** "12/03/2026" for 2026-03-12. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** "10/03/2026 às 14:00", in the business time zone. */
export function formatInstant(instant: string, timeZone: string): string {
  const parts = instantFormat(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} às ${part('hour')}:${part('minute')}`;
}

/** Building an Intl.DateTimeFormat costs far more than using one: one per time zone. */
const instantFormats = new Map<string, Intl.DateTimeFormat>();
function instantFormat(timeZone: string): Intl.DateTimeFormat {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    instantFormats.set(timeZone, format);
  }
  return format;
}

/** "⭐ VIP"; the marker's id when its name is not known. */
const markerLabel = (d: { markerId: string; markerName: string | null; markerEmoji: string | null }) =>
  d.markerName === null ? d.markerId : d.markerEmoji ? `${d.markerEmoji} ${d.markerName}` : d.markerName;

const moment = (m: Moment) => (m.subMoment ? `${m.moment} (${m.subMoment})` : m.moment);

/** The first `max` characters of a text on one line, with "…" when cut. */
function excerpt(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** "1 estrela", "4 estrelas", "0 estrelas". */
const stars = (n: number) => `${n} ${n === 1 ? 'estrela' : 'estrelas'}`;

/** Brazilian Portuguese, the default locale. */
export const ptBR: SummaryCatalogue = {
  customer_registered: (d) => `Cliente cadastrado${d.entryMethod ? ` ${ENTRY_METHODS[d.entryMethod]}` : ''}${d.channel ? ` (canal: ${d.channel})` : ''}`,
  data_edited: (d) => `Dados alterados: ${d.fields.map((field) => FIELDS[field] ?? field).join(', ')}`,
  temperature_changed: (d) =>
    d.from ? `Temperatura alterada de ${TEMPERATURES[d.from]} para ${TEMPERATURES[d.to]}` : `Temperatura definida como ${TEMPERATURES[d.to]}`,
  temperature_reverted: (d) => `Temperatura revertida de ${TEMPERATURES[d.from]} para ${TEMPERATURES[d.to]}`,
  objective_changed: (d) => (d.from ? `Objetivo alterado de ${d.from} para ${d.to}` : `Objetivo definido: ${d.to}`),
  moment_changed: (d) => (d.from ? `Momento alterado de ${moment(d.from)} para ${moment(d.to)}` : `Momento definido: ${moment(d.to)}`),
  product_of_interest_changed: (d) => (d.from ? `Produto de interesse alterado de ${d.from} para ${d.to}` : `Produto de interesse definido: ${d.to}`),
  proposal_registered: (d) => `Proposta registrada: ${formatMoney(d.amountCents)}`,
  proposal_marked_as_sale: (d) => (d.amountCents !== null ? `Proposta de ${formatMoney(d.amountCents)} marcada como venda` : 'Proposta marcada como venda'),
  lead_status_changed: (d) => `Status do lead alterado de ${LEAD_STATUSES[d.from]} para ${LEAD_STATUSES[d.to]}${d.scheduleId ? ' (agendada)' : ''}`,
  disinterest_informed: (d) => `Desinteresse informado: ${excerpt(d.reason)}`,
  comment_added: (d) => `Comentário: ${excerpt(d.text)}`,
  appointment_scheduled: (d, c) => `${appointment(d.kind, 'agendado')} para ${formatInstant(d.scheduledFor, c.timeZone)}`,
  appointment_rescheduled: (d, c) => `${appointment(d.kind, 'remarcado')} de ${formatInstant(d.from, c.timeZone)} para ${formatInstant(d.scheduledFor, c.timeZone)}`,
  appointment_confirmed: (d) => appointment(d.kind, 'confirmado'),
  appointment_succeeded: (d) => `${appointment(d.kind, 'concluído')} com sucesso`,
  appointment_lost: (d) => {
    const cycle = d.loseFutureCycle ? ', com os agendamentos futuros do cliente' : d.cycleOf ? ' com o ciclo futuro' : '';
    return `${appointment(d.kind, 'perdido')}${cycle}: ${excerpt(d.reason)}`;
  },
  placed_in_wallet: (d) => {
    const to = d.walletName ?? d.walletId;
    const moved = d.fromWalletId ? `Cliente movido da carteira ${d.fromWalletName ?? d.fromWalletId} para a carteira ${to}` : `Cliente colocado na carteira ${to}`;
    return d.stepId ? `${moved}, na etapa ${d.stepName ?? d.stepId}` : moved;
  },
  stage_moved: (d) => `Etapa alterada de ${d.fromStepName ?? d.fromStepId} para ${d.toStepName ?? d.toStepId}`,
  milestone_completed: (d) => `Marco ${d.milestoneName ?? d.milestoneId} concluído em ${formatDate(d.completedOn)}`,
  step_concluded: (d) => `Etapa ${d.stepName ?? d.stepId} concluída em ${formatDate(d.concludedOn)}`,
  customer_deleted: () => 'Cliente excluído: dados pessoais removidos (LGPD)',
  marker_set: (d) => `Marcador definido: ${markerLabel(d)}`,
  marker_cleared: (d) => `Marcador removido: ${markerLabel(d)}`,
  lead_status_change_scheduled: (d, c) => `Mudança de status agendada para ${LEAD_STATUSES[d.to]} em ${formatInstant(d.at, c.timeZone)}`,
  lead_status_change_cancelled: (d, c) => {
    const change = d.to && d.at ? `Mudança de status agendada para ${LEAD_STATUSES[d.to]} em ${formatInstant(d.at, c.timeZone)}` : 'Mudança de status agendada';
    return d.reason === 'already_in_status' ? `${change} cancelada: o lead já estava com esse status` : `${change} cancelada`;
  },
  rating_changed: (d) => (d.from === null ? `Avaliação alterada para ${stars(d.to)}` : `Avaliação alterada de ${d.from} para ${stars(d.to)}`),
  note_added: () => 'Nota criada',
  non_customer_marked: (d) => {
    const kind = NON_CUSTOMER_KINDS[d.kind];
    const note = d.note === null ? '' : `: ${excerpt(d.note)}`;
    // The same kind again: only the note changed.
    if (d.fromKind === d.kind) return d.note === null ? `Observação de não cliente (${kind}) removida` : `Observação de não cliente (${kind}) alterada${note}`;
    return d.fromKind === null ? `Definido como não cliente (${kind})${note}` : `Não cliente alterado de ${NON_CUSTOMER_KINDS[d.fromKind]} para ${kind}${note}`;
  },
  non_customer_unmarked: (d) => `Definição como não cliente (${NON_CUSTOMER_KINDS[d.kind]}) desfeita`,
  portfolio_exception_set: (d) => `Exceção de carteira definida: ${PORTFOLIO_EXCEPTIONS[d.exception]}`,
  portfolio_exception_cleared: (d) => `Exceção de carteira removida: ${PORTFOLIO_EXCEPTIONS[d.exception]}`,
  contact_added: () => 'Contato adicionado',
  contact_edited: () => 'Contato editado',
  contact_removed: () => 'Contato removido',
  primary_contact_set: (d) => (d.previousContactId === null ? 'Contato principal definido' : 'Contato principal alterado'),
  primary_contact_unset: () => 'Contato principal desmarcado',
};
