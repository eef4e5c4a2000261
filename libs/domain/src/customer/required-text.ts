import { invalid } from '../shared/domain-error';

/** A text the command cannot do without: not blank, at most `max` characters. */
export function requiredText(field: string, value: string, max: number): string {
  if (value.trim().length === 0) throw invalid(field, `${field} is required`);
  if (value.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  return value;
}
