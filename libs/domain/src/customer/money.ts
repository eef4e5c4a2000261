/**
 * Money (T6): a positive decimal with at most 2 decimals, kept as integer cents in events and
 * read models so that no binary float rounds it. Up to 999 999 999 999.99, which stays well
 * inside JavaScript's safe integers.
 */
export const MAX_AMOUNT_CENTS = 99_999_999_999_999;

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * Cents of an amount given as a JSON number (`1500.5`) or a decimal string (`"1500.50"`);
 * undefined when it is not a positive decimal with at most 2 decimals, or is too large.
 */
export function amountToCents(amount: unknown): number | undefined {
  // A JSON number prints back as the shortest text that reads as the same double, so 19.99
  // stays "19.99" while 1e21 or 0.125 fail the pattern below.
  const text = typeof amount === 'number' && Number.isFinite(amount) ? String(amount) : amount;
  if (typeof text !== 'string') return undefined;
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 && cents <= MAX_AMOUNT_CENTS ? cents : undefined;
}

/** "1500.50" for 150050: the canonical text of an amount. */
export function centsToAmount(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}
