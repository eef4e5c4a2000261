import { invalid } from '../shared/domain-error';

/**
 * A name that must be given: trimmed, not blank, at most `max` characters. Characters are
 * counted as code points, so an emoji counts once, as the HTTP validation counts it.
 */
export function requiredName(field: string, value: string, max: number): string {
  const name = value.trim();
  if (name.length === 0) throw invalid(field, `${field} is required`);
  if ([...name].length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  return name;
}
