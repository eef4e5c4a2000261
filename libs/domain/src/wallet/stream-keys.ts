import { createHash } from 'node:crypto';

export const WALLET_NAME_STREAM_PREFIX = 'walletname-';
export const MANAGER_WALLETS_STREAM_PREFIX = 'walletmanager-';

/** Two names that differ only by case or surrounding spaces are the same wallet name. */
export function normalizeWalletName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** The stream that holds the reservation of a wallet name: a fixed-length key, whatever the name. */
export const walletNameStreamId = (name: string) => `${WALLET_NAME_STREAM_PREFIX}${sha256(normalizeWalletName(name))}`;

/** The stream of a manager's wallet settings; user ids are free text, so they are hashed too. */
export const managerWalletsStreamId = (managerId: string) => `${MANAGER_WALLETS_STREAM_PREFIX}${sha256(managerId)}`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
