import type { WalletEvent } from './events';

export type WalletState =
  | { status: 'none' }
  | { status: 'created'; walletId: string; name: string; managerId: string; journeyId?: string }
  | { status: 'abandoned'; walletId: string };

export const initialWalletState: WalletState = { status: 'none' };

export function evolveWallet(state: WalletState, event: WalletEvent): WalletState {
  switch (event.type) {
    case 'WalletCreated': {
      const { walletId, name, managerId, journeyId } = event.data;
      return { status: 'created', walletId, name, managerId, ...(journeyId ? { journeyId } : {}) };
    }
    case 'WalletCreationAbandoned':
      return { status: 'abandoned', walletId: event.data.walletId };
    default:
      return state;
  }
}
