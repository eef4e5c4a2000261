import { notFound, rejected } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import type { ManagerWalletsEvent } from './events';
import type { WalletState } from './state';

/** A manager's wallet settings: their default wallet, if any. */
export type ManagerWalletsState = { defaultWalletId?: string };

/** `wallet` is the wallet's state as read from its own stream. */
export type SetDefaultWallet = { type: 'SetDefaultWallet'; managerId: string; walletId: string; wallet: WalletState };

/** One default wallet per manager: setting a new one unsets the previous one (CS3). */
export const managerWalletsDecider: Decider<SetDefaultWallet, ManagerWalletsState, ManagerWalletsEvent> = {
  initialState: {},
  evolve: (_state, event) => ({ defaultWalletId: event.data.walletId }),
  decide(command, state) {
    const { wallet, walletId, managerId } = command;
    if (wallet.status !== 'created') throw notFound('wallet_not_found', `Wallet ${walletId} does not exist`);
    if (wallet.managerId !== managerId) {
      throw rejected('not_the_manager', `Wallet ${walletId} is managed by ${wallet.managerId}, not ${managerId}`);
    }
    if (state.defaultWalletId === walletId) return [];
    const previousWalletId = state.defaultWalletId;
    return [{ type: 'DefaultWalletSet', data: { managerId, walletId, ...(previousWalletId ? { previousWalletId } : {}) } }];
  },
};
