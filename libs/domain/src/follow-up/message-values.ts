import { brazilianDate, type PlaceholderValues } from '../message-template/placeholders';
import type { LiveFollowUp } from './state';

/** What each placeholder of a follow-up's message stands for (CAL4); a field the follow-up lacks is left out. */
export function followUpPlaceholderValues(followUp: LiveFollowUp, senderName: string | undefined): PlaceholderValues {
  return {
    cliente: followUp.name,
    contato: followUp.contactName,
    email: followUp.email,
    telefone: followUp.phone,
    data_contato: brazilianDate(followUp.contactOn),
    proximo_contato: brazilianDate(followUp.nextContactOn),
    usuario: senderName,
  };
}
