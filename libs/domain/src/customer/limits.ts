/** Text limits of customer commands (SPEC: the seeds' 4000-char texts; the rest are ours). */
export const COMMENT_MAX = 4000;
export const DISINTEREST_REASON_MAX = 1000;
export const PROPOSAL_NOTES_MAX = 4000;
export const OBJECTIVE_MAX = 256;
export const MOMENT_MAX = 128;
export const PRODUCT_ID_MAX = 128;
export const NOTE_MAX = 4000;
/** T9: the optional note on why a registration is not a customer. */
export const NON_CUSTOMER_NOTE_MAX = 4000;
/** T13: a rating is a whole number of stars (seed 001: "de 0 a 5 estrelas"). */
export const RATING_MIN = 0;
export const RATING_MAX = 5;
