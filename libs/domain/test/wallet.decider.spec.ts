import {
  managerWalletsDecider,
  managerWalletsStreamId,
  normalizeWalletName,
  walletDecider,
  walletNameDecider,
  walletNameStreamId,
  type WalletEvent,
  type WalletState,
} from '@trilha/domain/wallet';
import { deciderSpec } from '@trilha/testing/decider-spec';

const walletId = '5a0f3a3e-1111-4c1e-8f55-0a1b2c3d4e01';
const otherWalletId = '5a0f3a3e-2222-4c1e-8f55-0a1b2c3d4e02';
const journeyId = '0b6c7a52-6a0e-4d6f-9a0e-1d2c3b4a5f01';
const created: WalletEvent = { type: 'WalletCreated', data: { walletId, name: 'Carteira Sul', managerId: 'manager-1', journeyId } };

describe('wallet decider (CS3)', () => {
  const spec = deciderSpec(walletDecider);

  it('creates a wallet with its manager and journey', () => {
    spec
      .given([])
      .when({ type: 'CreateWallet', walletId, name: ' Carteira Sul ', managerId: 'manager-1', journey: { journeyId, exists: true } })
      .then([created]);
  });

  it('creates a wallet without a journey (one may be linked later)', () => {
    spec
      .given([])
      .when({ type: 'CreateWallet', walletId, name: 'Carteira Sul', managerId: 'manager-1' })
      .then([{ type: 'WalletCreated', data: { walletId, name: 'Carteira Sul', managerId: 'manager-1' } }]);
  });

  it('answers not found for an unknown journey', () => {
    spec
      .given([])
      .when({ type: 'CreateWallet', walletId, name: 'Carteira Sul', managerId: 'manager-1', journey: { journeyId, exists: false } })
      .thenThrows({ kind: 'not_found', code: 'journey_not_found' });
  });

  it.each([
    ['a blank name', { name: ' ' }, 'name'],
    ['a name over 128 characters', { name: 'x'.repeat(129) }, 'name'],
    ['no manager', { managerId: '' }, 'managerId'],
  ])('refuses %s, naming the field', (_label, change, field) => {
    spec
      .given([])
      .when({ type: 'CreateWallet', walletId, name: 'Carteira', managerId: 'manager-1', ...change })
      .thenThrows({ kind: 'invalid', field });
  });

  it('refuses to create a wallet twice', () => {
    spec.given([created]).when({ type: 'CreateWallet', walletId, name: 'X', managerId: 'm' }).thenThrows({ kind: 'conflict', code: 'wallet_exists' });
  });

  it('closes the stream of an abandoned creation, after which the wallet can never be created', () => {
    const abandoned: WalletEvent = { type: 'WalletCreationAbandoned', data: { walletId, name: 'Carteira Sul', takenOverBy: otherWalletId } };
    spec.given([]).when({ type: 'AbandonWalletCreation', walletId, name: 'Carteira Sul', takenOverBy: otherWalletId }).then([abandoned]);
    spec
      .given([abandoned])
      .when({ type: 'CreateWallet', walletId, name: 'Carteira Sul', managerId: 'manager-1' })
      .thenThrows({ kind: 'conflict', code: 'wallet_abandoned' });
    spec.given([abandoned]).when({ type: 'AbandonWalletCreation', walletId, name: 'Carteira Sul', takenOverBy: otherWalletId }).then([]);
  });

  it('refuses to abandon a wallet that exists', () => {
    spec
      .given([created])
      .when({ type: 'AbandonWalletCreation', walletId, name: 'Carteira Sul', takenOverBy: otherWalletId })
      .thenThrows({ kind: 'conflict', code: 'wallet_exists' });
  });
});

describe('wallet name reservation (CS3: unique, ignoring case)', () => {
  const spec = deciderSpec(walletNameDecider);
  const reserved = { type: 'WalletNameReserved' as const, data: { name: 'Carteira Sul', walletId } };

  it('keys the name by its case-insensitive, trimmed form', () => {
    expect(normalizeWalletName('  CARTEIRA Sul ')).toBe('carteira sul');
    expect(walletNameStreamId('Carteira Sul')).toBe(walletNameStreamId(' carteira SUL'));
    expect(walletNameStreamId('Carteira Sul')).not.toBe(walletNameStreamId('Carteira Norte'));
    expect(walletNameStreamId('x'.repeat(128))).toMatch(/^walletname-[0-9a-f]{64}$/);
  });

  it('reserves a free name', () => {
    spec.given([]).when({ type: 'ReserveWalletName', name: 'Carteira Sul', walletId }).then([reserved]);
  });

  it('is a no-op for the wallet that already holds it (a retried command)', () => {
    spec.given([reserved]).when({ type: 'ReserveWalletName', name: 'carteira sul', walletId }).then([]);
  });

  it('refuses a name another wallet holds', () => {
    spec
      .given([reserved])
      .when({ type: 'ReserveWalletName', name: 'CARTEIRA SUL', walletId: otherWalletId })
      .thenThrows({ kind: 'conflict', code: 'wallet_name_taken' });
  });

  it('takes the name over only from the holder named as abandoned', () => {
    spec
      .given([reserved])
      .when({ type: 'ReserveWalletName', name: 'Carteira Sul', walletId: otherWalletId, takeOverFrom: walletId })
      .then([{ type: 'WalletNameReserved', data: { name: 'Carteira Sul', walletId: otherWalletId, takenOverFrom: walletId } }]);
    spec
      .given([reserved])
      .when({ type: 'ReserveWalletName', name: 'Carteira Sul', walletId: otherWalletId, takeOverFrom: 'someone-else' })
      .thenThrows({ kind: 'conflict', code: 'wallet_name_taken' });
  });
});

describe('manager default wallet (CS3: one per manager)', () => {
  const spec = deciderSpec(managerWalletsDecider);
  const wallet = (id: string, managerId = 'manager-1'): WalletState => ({ status: 'created', walletId: id, name: id, managerId });

  it('keys the manager stream by a hash of the user id', () => {
    expect(managerWalletsStreamId('manager-1')).toMatch(/^walletmanager-[0-9a-f]{64}$/);
    expect(managerWalletsStreamId('manager-1')).not.toBe(managerWalletsStreamId('manager-2'));
  });

  it('sets a first default wallet', () => {
    spec
      .given([])
      .when({ type: 'SetDefaultWallet', managerId: 'manager-1', walletId, wallet: wallet(walletId) })
      .then([{ type: 'DefaultWalletSet', data: { managerId: 'manager-1', walletId } }]);
  });

  it('setting a new default unsets the old one', () => {
    spec
      .given([{ type: 'DefaultWalletSet', data: { managerId: 'manager-1', walletId } }])
      .when({ type: 'SetDefaultWallet', managerId: 'manager-1', walletId: otherWalletId, wallet: wallet(otherWalletId) })
      .then([{ type: 'DefaultWalletSet', data: { managerId: 'manager-1', walletId: otherWalletId, previousWalletId: walletId } }]);
  });

  it('is a no-op when the wallet already is the default', () => {
    spec
      .given([{ type: 'DefaultWalletSet', data: { managerId: 'manager-1', walletId } }])
      .when({ type: 'SetDefaultWallet', managerId: 'manager-1', walletId, wallet: wallet(walletId) })
      .then([]);
  });

  it('refuses a wallet that does not exist or belongs to another manager', () => {
    spec
      .given([])
      .when({ type: 'SetDefaultWallet', managerId: 'manager-1', walletId, wallet: { status: 'none' } })
      .thenThrows({ kind: 'not_found', code: 'wallet_not_found' });
    spec
      .given([])
      .when({ type: 'SetDefaultWallet', managerId: 'manager-1', walletId, wallet: wallet(walletId, 'manager-2') })
      .thenThrows({ kind: 'rejected', code: 'not_the_manager' });
  });
});
