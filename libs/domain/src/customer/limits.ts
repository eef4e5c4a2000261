/** Text limits of customer commands (SPEC: the seeds' 4000-char texts; the rest are ours). */
export const COMMENT_MAX = 4000;
export const DISINTEREST_REASON_MAX = 1000;
export const PROPOSAL_NOTES_MAX = 4000;
export const OBJECTIVE_MAX = 256;
export const MOMENT_MAX = 128;
export const PRODUCT_ID_MAX = 128;
