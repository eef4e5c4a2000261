import type { DomainEvent } from '../shared/decider';

/** CS3: a wallet with its one success manager and, optionally, the journey its customers follow. */
export type WalletCreated = DomainEvent<'WalletCreated', { walletId: string; name: string; managerId: string; journeyId?: string }>;

/**
 * A wallet whose creation was interrupted after it reserved its name: another command took the
 * name over, and this wallet can never be created (see ADR "wallet name uniqueness").
 */
export type WalletCreationAbandoned = DomainEvent<'WalletCreationAbandoned', { walletId: string; name: string; takenOverBy: string }>;

export type WalletEvent = WalletCreated | WalletCreationAbandoned;

/** Held in the name's own stream: who owns a wallet name, ignoring case. */
export type WalletNameReserved = DomainEvent<'WalletNameReserved', { name: string; walletId: string; takenOverFrom?: string }>;

export type WalletNameEvent = WalletNameReserved;

/** Held in the manager's own stream: their one default wallet (CS3). */
export type DefaultWalletSet = DomainEvent<'DefaultWalletSet', { managerId: string; walletId: string; previousWalletId?: string }>;

export type ManagerWalletsEvent = DefaultWalletSet;

export const WALLET_STREAM_PREFIX = 'wallet-';
export const walletStreamId = (walletId: string) => `${WALLET_STREAM_PREFIX}${walletId}`;
