import type { AppointmentKind } from '@trilha/domain';

/** pt-BR names of the kinds of action, as the calendar's tabs call them (seed 004). */
const KIND_LABELS: Record<AppointmentKind, string> = {
  service: 'Serviço',
  visit: 'Visita',
  follow_up: 'Follow-up',
  task: 'Tarefa',
  reminder: 'Lembrete',
};
const NOTE_PREVIEW_MAX = 80;

/** The action's line on the day: its kind, and the first line of its notes when there are any. */
export function actionTitle(kind: AppointmentKind, notes?: string): string {
  const label = KIND_LABELS[kind] ?? kind;
  const firstLine = notes?.split('\n')[0].trim() ?? '';
  if (!firstLine) return label;
  const preview = firstLine.length > NOTE_PREVIEW_MAX ? `${firstLine.slice(0, NOTE_PREVIEW_MAX - 1)}…` : firstLine;
  return `${label}: ${preview}`;
}

/** A follow-up opportunity's line (CAL6): the company or customer name and the contact. */
export function followUpTitle(name: string, contactName: string): string {
  return `Oportunidade: ${name} (${contactName})`;
}
