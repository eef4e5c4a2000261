import { invalid } from '../shared/domain-error';
import { CONTACT_EMAIL_MAX, CONTACT_NAME_MAX, CONTACT_PHONE_MAX, CONTACT_PHONES_MAX, CONTACT_ROLE_MAX, type ContactDetails } from './events';

/** A contact's details as typed: optional texts may be absent or null (cleared). */
export interface ContactInput {
  name: string;
  role?: string | null;
  email?: string | null;
  phones?: string[] | null;
  whatsapp?: string | null;
}

/**
 * The details as stored: texts trimmed, an empty optional text dropped, phones trimmed and without
 * blanks or repeats (as the customer's own). Each limit is checked once trimmed and names its field.
 */
export function contactDetails(input: ContactInput): ContactDetails {
  const name = input.name.trim();
  if (name.length === 0) throw invalid('name', 'name is required');
  if (name.length > CONTACT_NAME_MAX) throw invalid('name', `name must be at most ${CONTACT_NAME_MAX} characters`);
  const phones = [...new Set((input.phones ?? []).map((p) => p.trim()).filter((p) => p.length > 0))];
  if (phones.length > CONTACT_PHONES_MAX) throw invalid('phones', `phones must hold at most ${CONTACT_PHONES_MAX} numbers`);
  if (phones.some((p) => p.length > CONTACT_PHONE_MAX)) throw invalid('phones', `each phone must be at most ${CONTACT_PHONE_MAX} characters`);
  const role = optionalText('role', input.role, CONTACT_ROLE_MAX);
  const email = optionalText('email', input.email, CONTACT_EMAIL_MAX);
  const whatsapp = optionalText('whatsapp', input.whatsapp, CONTACT_PHONE_MAX);
  return { name, ...(role !== undefined ? { role } : {}), ...(email !== undefined ? { email } : {}), phones, ...(whatsapp !== undefined ? { whatsapp } : {}) };
}

function optionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

export function sameDetails(a: ContactDetails, b: ContactDetails): boolean {
  return a.name === b.name && a.role === b.role && a.email === b.email && a.whatsapp === b.whatsapp && a.phones.join('\n') === b.phones.join('\n');
}
