import { conflict } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import type { WalletNameEvent } from './events';

/** The holder of one wallet name (the stream is keyed by the normalized name). */
export type WalletNameState = { holder?: string };

/**
 * Reserves the name for `walletId`. `takeOverFrom` names a holder whose creation the caller has
 * abandoned (its wallet stream is closed): only then may the name change hands.
 */
export type ReserveWalletName = { type: 'ReserveWalletName'; name: string; walletId: string; takeOverFrom?: string };

export const walletNameDecider: Decider<ReserveWalletName, WalletNameState, WalletNameEvent> = {
  initialState: {},
  evolve: (_state, event) => ({ holder: event.data.walletId }),
  decide(command, state) {
    if (state.holder === command.walletId) return [];
    if (state.holder !== undefined && state.holder !== command.takeOverFrom) {
      throw conflict('wallet_name_taken', `A wallet named "${command.name}" already exists (names are unique, ignoring case)`);
    }
    const takenOverFrom = state.holder;
    return [{ type: 'WalletNameReserved', data: { name: command.name, walletId: command.walletId, ...(takenOverFrom ? { takenOverFrom } : {}) } }];
  },
};
