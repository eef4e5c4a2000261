import { invalid } from '../shared/domain-error';

/**
 * The fields a follow-up's message can pull in (CAL4, seed 004 item 5): written `#{cliente}`, as
 * the system suggests them. Names are Portuguese, lower case, without accents.
 */
export const MESSAGE_PLACEHOLDERS = [
  { name: 'cliente', description: 'The company or customer name of the follow-up' },
  { name: 'contato', description: 'The name of the main contact' },
  { name: 'email', description: "The follow-up's email address" },
  { name: 'telefone', description: 'The phone or WhatsApp number, as typed' },
  { name: 'data_contato', description: 'The contact date, written DD/MM/AAAA' },
  { name: 'proximo_contato', description: 'The next contact date, written DD/MM/AAAA' },
  { name: 'usuario', description: 'The name of the user who sends the message' },
] as const;

export type PlaceholderName = (typeof MESSAGE_PLACEHOLDERS)[number]['name'];
/** The value of each placeholder; a missing one renders as empty text. */
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

const KNOWN: ReadonlySet<string> = new Set(MESSAGE_PLACEHOLDERS.map((p) => p.name));
const KNOWN_LIST = MESSAGE_PLACEHOLDERS.map((p) => `#{${p.name}}`).join(', ');

/**
 * `#{` + a word (letters, digits, underscore) + `}`. Anything else that starts with `#{` (`#{}`,
 * `#{ cliente }`, an unclosed `#{`) is plain text: a message may contain it.
 */
const PLACEHOLDER = /#\{([\p{L}\p{N}_]+)\}/gu;

/** The placeholder names a text uses, in order of first use, known or not. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1]))];
}

/** Refuses a text that uses a placeholder Trilha does not know (400 naming `field` and the placeholder). */
export function checkPlaceholders(field: string, text: string): void {
  const unknown = placeholdersIn(text).filter((name) => !KNOWN.has(name));
  if (unknown.length === 0) return;
  const named = unknown.map((name) => `#{${name}}`).join(', ');
  throw invalid(field, `${field} uses unknown placeholder${unknown.length > 1 ? 's' : ''} ${named}; the known ones are ${KNOWN_LIST}`);
}

/** Replaces every placeholder by its value (all its occurrences; missing → empty text). Check the text first. */
export function renderMessage(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (KNOWN.has(name) ? (values[name as PlaceholderName] ?? '') : whole));
}

/** `YYYY-MM-DD` as written in Brazil: `DD/MM/YYYY`. */
export function brazilianDate(dateOnly: string): string {
  const [year, month, day] = dateOnly.split('-');
  return `${day}/${month}/${year}`;
}
