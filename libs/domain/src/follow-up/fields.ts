import { invalid } from '../shared/domain-error';
import { FOLLOW_UP_EMAIL_MAX, FOLLOW_UP_NAME_MAX, FOLLOW_UP_PHONE_DIGITS, FOLLOW_UP_PHONE_MAX } from './events';

/** Checks of one input each, shared by the decider and the HTTP DTOs: each names its field. */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * A local part of RFC 5322 "atext" characters and dots, one @, a domain of dotted labels (letters of
 * any script, digits, hyphens): what a mail client accepts, without quoted local parts.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;

export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}

export function isFollowUpEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= FOLLOW_UP_EMAIL_MAX && EMAIL.test(value);
}

export function isFollowUpPhone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > FOLLOW_UP_PHONE_MAX || !PHONE_CHARACTERS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= FOLLOW_UP_PHONE_DIGITS.min && digits <= FOLLOW_UP_PHONE_DIGITS.max;
}

/** A required name, trimmed: 1..FOLLOW_UP_NAME_MAX characters once trimmed. */
export function requiredName(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalid(field, `${field} is required`);
  if (trimmed.length > FOLLOW_UP_NAME_MAX) throw invalid(field, `${field} must be at most ${FOLLOW_UP_NAME_MAX} characters`);
  return trimmed;
}

export function dateOnly(field: string, value: string): string {
  if (!isDateOnly(value)) throw invalid(field, `${field} must be a date written YYYY-MM-DD`);
  return value;
}
