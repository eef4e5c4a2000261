import { randomUUID } from 'node:crypto';
import {
  appointmentStreamId,
  customerAppointmentsStreamId,
  customerJourneyStreamId,
  customerContactsStreamId,
  customerStreamId,
  journeyStreamId,
  MARKERS_STREAM_ID,
  walletNameStreamId,
  walletStreamId,
} from '@trilha/domain';
import { InMemoryEventStore, type EventMetadata, type RecordedEvent } from '@trilha/event-store';
import { timelineProjection } from '../timeline.projection';

export const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
export const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f12';
/** A customer who is deleted (T10): their free texts become placeholders. */
export const caio = '8b3f4d30-2e9c-4f70-9c74-8c3b5e3b1a23';
/** A customer marked as non-customer and given a portfolio exception, each undone (T9, T12). */
export const davi = '9c405e41-3fa0-4081-8d85-9d4c6f4c2b34';
/** A company with contacts (CS13). */
export const eva = 'ad516f52-4a0b-4192-9e96-ae5d7f5d3c45';
export const joana = 'b1c2d3e4-0001-4a5b-8c6d-7e8f90a1b2c3';
export const pedro = 'b1c2d3e4-0002-4a5b-8c6d-7e8f90a1b2c3';
export const journeyId = '0d1e2f30-4152-4637-8849-5a6b7c8d9e0f';
export const premium = '1e2f3041-5263-4748-895a-6b7c8d9e0f10';
export const basic = '2f304152-6374-4859-9a6b-7c8d9e0f1021';
export const visitId = '30415263-7485-496a-ab7c-8d9e0f102132';
export const serviceId = '41526374-8596-4a7b-bc8d-9e0f10213243';
export const proposalId = '52637485-96a7-4b8c-8d9e-0f1021324354';
export const vipMarker = '63748596-a7b8-4c9d-9e0f-102132435465';
export const biaSchedule = '74859607-b8c9-4dae-8f10-213243546576';

export const broker = { id: 'u7', role: 'broker', name: 'Bruno Corretor', kind: 'user' as const };
export const manager = { id: 'u2', role: 'manager', name: 'Marta Gerente', kind: 'user' as const };
/** The customer writing on a chat (T16): customer-originated. */
export const anaOnChat = { id: ana, role: 'customer', kind: 'customer' as const };

/** The instant of the story's `minute`-th event. */
export const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 13, minute)).toISOString();

type Step = { stream: string; type: string; data: Record<string, unknown>; actor?: EventMetadata['actor'] | null };

/** A customer's story across every stream the timeline reads, plus bookkeeping it must ignore. */
export const STORY: Step[] = [
  { stream: journeyStreamId(journeyId), type: 'JourneyDefined', data: { journeyId, name: 'Onboarding', steps: [
    { id: 's1', name: 'Boas-vindas', milestones: [{ id: 'm1', name: 'Kickoff', days: 2 }] },
    { id: 's2', name: 'Adoção', milestones: [] },
  ] } },
  { stream: walletNameStreamId('Premium'), type: 'WalletNameReserved', data: { name: 'Premium', walletId: premium } },
  { stream: walletStreamId(premium), type: 'WalletCreated', data: { walletId: premium, name: 'Premium', managerId: 'u2', journeyId } },
  { stream: walletStreamId(basic), type: 'WalletCreated', data: { walletId: basic, name: 'Básica', managerId: 'u2' } },
  { stream: customerStreamId(ana), type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana', phones: [], channel: 'WhatsApp', origin: { entryMethod: 'chatbot' } } },
  { stream: customerStreamId(bia), type: 'CustomerRegistered', data: { customerId: bia, name: 'Bia', phones: [] } },
  { stream: customerStreamId(ana), type: 'CustomerDataEdited', data: { customerId: ana, changes: [{ field: 'name', from: 'Ana', to: 'Ana Souza' }, { field: 'email', to: 'ana@example.com' }] }, actor: manager },
  { stream: customerStreamId(ana), type: 'TemperatureChanged', data: { customerId: ana, to: 'warm' } },
  { stream: customerStreamId(ana), type: 'TemperatureChanged', data: { customerId: ana, from: 'warm', to: 'hot' } },
  { stream: customerStreamId(ana), type: 'TemperatureReverted', data: { customerId: ana, from: 'hot', to: 'warm' } },
  { stream: customerStreamId(ana), type: 'ObjectiveChanged', data: { customerId: ana, to: 'comprar' } },
  { stream: customerStreamId(ana), type: 'MomentChanged', data: { customerId: ana, to: { moment: 'pesquisa', subMoment: 'primeira visita' } } },
  { stream: customerStreamId(ana), type: 'ProductOfInterestChanged', data: { customerId: ana, to: 'apt-301' } },
  { stream: customerStreamId(ana), type: 'ProposalRegistered', data: { customerId: ana, proposalId, productId: 'apt-301', amountCents: 150000, notes: 'à vista' } },
  { stream: customerStreamId(ana), type: 'ProposalMarkedAsSale', data: { customerId: ana, proposalId } },
  { stream: customerStreamId(ana), type: 'LeadStatusChanged', data: { customerId: ana, from: 'new', to: 'sale' } },
  { stream: customerStreamId(ana), type: 'CommentAdded', data: { customerId: ana, commentId: 'c1', text: 'Prefere contato à tarde' } },
  { stream: customerStreamId(ana), type: 'CommentAdded', data: { customerId: ana, commentId: 'c2', text: 'Oi, ainda tenho interesse!' }, actor: anaOnChat },
  { stream: appointmentStreamId(visitId), type: 'AppointmentScheduled', data: { appointmentId: visitId, customerId: ana, scheduledFor: '2026-03-12T17:00:00.000Z', responsibleId: 'u7', kind: 'visit' } },
  { stream: customerAppointmentsStreamId(ana), type: 'CustomerAppointmentListed', data: { customerId: ana, appointmentId: visitId } },
  { stream: appointmentStreamId(visitId), type: 'AppointmentRescheduled', data: { appointmentId: visitId, customerId: ana, from: '2026-03-12T17:00:00.000Z', scheduledFor: '2026-03-13T12:30:00.000Z' } },
  { stream: appointmentStreamId(visitId), type: 'AppointmentConfirmed', data: { appointmentId: visitId, customerId: ana } },
  { stream: appointmentStreamId(visitId), type: 'AppointmentSucceeded', data: { appointmentId: visitId, customerId: ana } },
  { stream: appointmentStreamId(serviceId), type: 'AppointmentScheduled', data: { appointmentId: serviceId, customerId: ana, scheduledFor: '2026-04-01T12:00:00.000Z', responsibleId: 'u7', kind: 'service', notes: 'Revisão' } },
  { stream: appointmentStreamId(serviceId), type: 'AppointmentLost', data: { appointmentId: serviceId, customerId: ana, reason: 'Vendeu o carro', cycleOf: visitId } },
  { stream: customerJourneyStreamId(ana), type: 'CustomerPlacedInWallet', data: { customerId: ana, walletId: basic } },
  { stream: customerJourneyStreamId(ana), type: 'CustomerPlacedInWallet', data: { customerId: ana, walletId: premium, fromWalletId: basic, journeyId, stepId: 's1' } },
  { stream: customerJourneyStreamId(ana), type: 'MilestoneCompleted', data: { customerId: ana, journeyId, stepId: 's1', milestoneId: 'm1', completedOn: '2026-03-11' } },
  { stream: customerJourneyStreamId(ana), type: 'CustomerStageMoved', data: { customerId: ana, journeyId, fromStepId: 's1', toStepId: 's2' } },
  { stream: customerJourneyStreamId(ana), type: 'StepConcluded', data: { customerId: ana, journeyId, stepId: 's1', concludedOn: '2026-03-12' } },
  { stream: MARKERS_STREAM_ID, type: 'MarkerCreated', data: { markerId: vipMarker, name: 'VIP', emoji: '⭐' } },
  { stream: customerStreamId(ana), type: 'CustomerMarkerSet', data: { customerId: ana, markerId: vipMarker } },
  { stream: MARKERS_STREAM_ID, type: 'MarkerRenamed', data: { markerId: vipMarker, name: 'Cliente VIP' } },
  { stream: customerStreamId(ana), type: 'CustomerMarkerCleared', data: { customerId: ana, markerId: vipMarker } },
  { stream: MARKERS_STREAM_ID, type: 'MarkerDeleted', data: { markerId: vipMarker } },
  { stream: customerStreamId(bia), type: 'LeadStatusChangeScheduled', data: { customerId: bia, scheduleId: biaSchedule, to: 'sale', at: '2026-03-20T13:00:00.000Z' } },
  { stream: customerStreamId(bia), type: 'LeadStatusChangeCancelled', data: { customerId: bia, scheduleId: biaSchedule } },
  { stream: customerStreamId(bia), type: 'RatingChanged', data: { customerId: bia, to: 4 } },
  { stream: customerStreamId(bia), type: 'RatingChanged', data: { customerId: bia, from: 4, to: 0 } },
  { stream: customerStreamId(bia), type: 'NoteAdded', data: { customerId: bia, noteId: 'n1', text: 'Bia prefere visitas no sábado' } },
  { stream: customerStreamId(bia), type: 'DisinterestInformed', data: { customerId: bia, reason: 'Comprou com outra empresa' }, actor: null },
  { stream: customerStreamId(caio), type: 'CustomerRegistered', data: { customerId: caio, name: 'Caio', phones: [] } },
  { stream: customerStreamId(caio), type: 'CommentAdded', data: { customerId: caio, commentId: 'c3', text: 'Caio mora na Rua Secreta, 42' } },
  { stream: customerStreamId(caio), type: 'MarkedAsNonCustomer', data: { customerId: caio, kind: 'supplier', note: 'Caio entrega na Rua Secreta, 42' } },
  { stream: customerStreamId(caio), type: 'CustomerDeleted', data: { customerId: caio } },
  { stream: customerStreamId(davi), type: 'CustomerRegistered', data: { customerId: davi, name: 'Davi', phones: [] } },
  { stream: customerStreamId(davi), type: 'MarkedAsNonCustomer', data: { customerId: davi, kind: 'test', note: 'Cadastro do treinamento' } },
  { stream: customerStreamId(davi), type: 'MarkedAsNonCustomer', data: { customerId: davi, kind: 'employee', fromKind: 'test' } },
  { stream: customerStreamId(davi), type: 'UnmarkedAsNonCustomer', data: { customerId: davi, kind: 'employee' } },
  { stream: customerStreamId(davi), type: 'PortfolioExceptionSet', data: { customerId: davi, exception: 'deny_list' } },
  { stream: customerStreamId(davi), type: 'PortfolioExceptionCleared', data: { customerId: davi, exception: 'deny_list' } },
  { stream: customerStreamId(eva), type: 'CustomerRegistered', data: { customerId: eva, name: 'Eva Tecnologia', phones: [] } },
  { stream: customerContactsStreamId(eva), type: 'ContactAdded', data: { customerId: eva, contactId: joana, name: 'Joana Lima', email: 'joana@eva.com.br', phones: ['11 98888-0000'] } },
  { stream: customerContactsStreamId(eva), type: 'PrimaryContactSet', data: { customerId: eva, contactId: joana } },
  { stream: customerContactsStreamId(eva), type: 'ContactAdded', data: { customerId: eva, contactId: pedro, name: 'Pedro', phones: [] } },
  { stream: customerContactsStreamId(eva), type: 'PrimaryContactSet', data: { customerId: eva, contactId: pedro, previousContactId: joana } },
  { stream: customerContactsStreamId(eva), type: 'ContactEdited', data: { customerId: eva, contactId: pedro, name: 'Pedro Alves', role: 'Compras', phones: [] } },
  { stream: customerContactsStreamId(eva), type: 'PrimaryContactUnset', data: { customerId: eva, contactId: pedro } },
  { stream: customerContactsStreamId(eva), type: 'ContactRemoved', data: { customerId: eva, contactId: joana } },
  { stream: 'unrelated-1', type: 'SomethingElse', data: { customerId: ana } },
];

/** The story as the event store records it, filtered as the projection's subscription is. */
export async function recordStory(steps: Step[] = STORY): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (const [minute, { stream, type, data, actor }] of steps.entries()) {
    const metadata: EventMetadata = { occurredAt: at(minute), ...(actor === null ? {} : { actor: actor ?? broker }) };
    await store.append(stream, [{ id: randomUUID(), type, data, metadata }], 'any');
  }
  const events = await store.readAll({ filter: timelineProjection.filter });
  await store.close();
  return events;
}
