/**
 * Exactly one emoji, as Unicode recommends them for general interchange (RGI_Emoji: single
 * emoji, keycaps, flags, modifier and ZWJ sequences). Built from a string because the `v` flag
 * needs an ES2024 target for a literal; Node 20 runs it.
 */
export const SINGLE_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

export function isSingleEmoji(text: string): boolean {
  return SINGLE_EMOJI.test(text);
}
