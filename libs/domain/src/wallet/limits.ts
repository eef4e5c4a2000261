/** Seed 002: a wallet name has at most 128 characters. */
export const WALLET_NAME_MAX = 128;
/** A manager is a user id. */
export const MANAGER_ID_MAX = 128;
