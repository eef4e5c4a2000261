import { conflict, notFound } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import { requiredName } from '../journey/required-name';
import type { WalletEvent } from './events';
import { MANAGER_ID_MAX, WALLET_NAME_MAX } from './limits';
import { evolveWallet, initialWalletState, type WalletState } from './state';

/** `journey` is what the caller found in the journey's stream, when one is linked. */
export type CreateWallet = {
  type: 'CreateWallet';
  walletId: string;
  name: string;
  managerId: string;
  journey?: { journeyId: string; exists: boolean };
};

/** Closes the stream of a wallet that reserved a name and never got created. */
export type AbandonWalletCreation = { type: 'AbandonWalletCreation'; walletId: string; name: string; takenOverBy: string };

export type WalletCommand = CreateWallet | AbandonWalletCreation;

function decideCreate(command: CreateWallet, state: WalletState): WalletEvent[] {
  if (state.status === 'created') throw conflict('wallet_exists', `Wallet ${command.walletId} already exists`);
  if (state.status === 'abandoned') {
    throw conflict('wallet_abandoned', `Wallet ${command.walletId} was abandoned: its name was taken over while it was being created`);
  }
  const name = requiredName('name', command.name, WALLET_NAME_MAX);
  const managerId = requiredName('managerId', command.managerId, MANAGER_ID_MAX);
  if (command.journey && !command.journey.exists) throw notFound('journey_not_found', `Journey ${command.journey.journeyId} does not exist`);
  const journeyId = command.journey?.journeyId;
  return [{ type: 'WalletCreated', data: { walletId: command.walletId, name, managerId, ...(journeyId ? { journeyId } : {}) } }];
}

function decideAbandon(command: AbandonWalletCreation, state: WalletState): WalletEvent[] {
  if (state.status === 'created') throw conflict('wallet_exists', `Wallet ${command.walletId} exists and keeps its name`);
  if (state.status === 'abandoned') return [];
  return [{ type: 'WalletCreationAbandoned', data: { walletId: command.walletId, name: command.name, takenOverBy: command.takenOverBy } }];
}

export const walletDecider: Decider<WalletCommand, WalletState, WalletEvent> = {
  initialState: initialWalletState,
  evolve: evolveWallet,
  decide(command, state) {
    switch (command.type) {
      case 'CreateWallet':
        return decideCreate(command, state);
      case 'AbandonWalletCreation':
        return decideAbandon(command, state);
    }
  },
};
