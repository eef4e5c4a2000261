import { customerJourneyDecider, type CustomerJourneyEvent, type JourneyOutline } from '@trilha/domain/customer-journey';
import type { WalletState } from '@trilha/domain/wallet';
import { deciderSpec } from '@trilha/testing/decider-spec';

// The spec's clock is 2026-01-15T12:00:00Z.
const spec = deciderSpec(customerJourneyDecider);
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const walletA = '5a0f3a3e-1111-4c1e-8f55-0a1b2c3d4e01';
const walletB = '5a0f3a3e-2222-4c1e-8f55-0a1b2c3d4e02';
const journey: JourneyOutline = {
  journeyId: 'j1',
  steps: [
    { id: 's1', name: 'Onboarding', milestones: [{ id: 'm1', name: 'Kickoff', days: 2 }] },
    { id: 's2', name: 'Adoção', milestones: [{ id: 'm2', name: 'Uso', days: 10 }] },
  ],
};
const otherJourney: JourneyOutline = { journeyId: 'j2', steps: [{ id: 't1', name: 'Outra', milestones: [] }] };
const wallet = (walletId: string, journeyId?: string): WalletState => ({ status: 'created', walletId, name: walletId, managerId: 'mgr', ...(journeyId ? { journeyId } : {}) });
const placedInA: CustomerJourneyEvent = { type: 'CustomerPlacedInWallet', data: { customerId, walletId: walletA, journeyId: 'j1', stepId: 's1' } };
const placedInNoJourney: CustomerJourneyEvent = { type: 'CustomerPlacedInWallet', data: { customerId, walletId: walletB } };
const moved: CustomerJourneyEvent = { type: 'CustomerStageMoved', data: { customerId, journeyId: 'j1', fromStepId: 's1', toStepId: 's2' } };

describe('customer in a wallet (CS4 one by one, CS5, CS12)', () => {
  describe('PlaceCustomerInWallet', () => {
    const place = (walletId: string, w: WalletState, j?: JourneyOutline, customerExists = true) =>
      ({ type: 'PlaceCustomerInWallet', customerId, customerExists, walletId, wallet: w, journey: j }) as const;

    it('enters the wallet’s journey at its first step', () => {
      spec.given([]).when(place(walletA, wallet(walletA, 'j1'), journey)).then([placedInA]);
    });

    it('puts the customer in a wallet with no journey yet', () => {
      spec.given([]).when(place(walletB, wallet(walletB))).then([placedInNoJourney]);
    });

    it('records the wallet moved from, so the card shows "new"', () => {
      spec
        .given([placedInA, moved])
        .when(place(walletB, wallet(walletB, 'j2'), otherJourney))
        .then([{ type: 'CustomerPlacedInWallet', data: { customerId, walletId: walletB, fromWalletId: walletA, journeyId: 'j2', stepId: 't1' } }]);
    });

    it('is a no-op for the wallet the customer is already in', () => {
      spec.given([placedInA, moved]).when(place(walletA, wallet(walletA, 'j1'), journey)).then([]);
    });

    it('answers not found for an unknown customer or wallet', () => {
      spec.given([]).when(place(walletA, wallet(walletA, 'j1'), journey, false)).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
      spec.given([]).when(place(walletA, { status: 'none' })).thenThrows({ kind: 'not_found', code: 'wallet_not_found' });
      spec.given([]).when(place(walletA, { status: 'abandoned', walletId: walletA })).thenThrows({ kind: 'not_found', code: 'wallet_not_found' });
    });

    it('refuses when the journey read is not the wallet’s', () => {
      spec.given([]).when(place(walletA, wallet(walletA, 'j1'), otherJourney)).thenThrows({ kind: 'conflict', code: 'journey_changed' });
    });
  });

  describe('MoveCustomerStage', () => {
    const move = (stepId: string, j: JourneyOutline | undefined = journey, customerExists = true) =>
      ({ type: 'MoveCustomerStage', customerId, customerExists, stepId, journey: j }) as const;

    it('moves to another step of the same journey', () => {
      spec.given([placedInA]).when(move('s2')).then([moved]);
    });

    it('moves back to an earlier step too', () => {
      spec
        .given([placedInA, moved])
        .when(move('s1'))
        .then([{ type: 'CustomerStageMoved', data: { customerId, journeyId: 'j1', fromStepId: 's2', toStepId: 's1' } }]);
    });

    it('is a no-op for the current step', () => {
      spec.given([placedInA]).when(move('s1')).then([]);
    });

    it('refuses a step of another journey', () => {
      spec.given([placedInA]).when(move('t1')).thenThrows({ kind: 'rejected', code: 'step_not_in_journey' });
    });

    it('refuses a customer in no wallet, or in a wallet without a journey', () => {
      spec.given([]).when(move('s2', undefined)).thenThrows({ kind: 'rejected', code: 'not_in_wallet' });
      spec.given([placedInNoJourney]).when(move('s2', undefined)).thenThrows({ kind: 'rejected', code: 'no_journey' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when(move('s2', undefined, false)).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
    });

    it('answers conflict when the journey given is not the customer’s', () => {
      spec.given([placedInA]).when(move('t1', otherJourney)).thenThrows({ kind: 'conflict', code: 'journey_changed' });
    });
  });

  describe('CompleteMilestone', () => {
    const complete = (milestoneId: string, completedOn: string, timeZone = 'UTC') =>
      ({ type: 'CompleteMilestone', customerId, customerExists: true, milestoneId, completedOn, timeZone, journey }) as const;
    const completedM1 = (completedOn: string): CustomerJourneyEvent => ({
      type: 'MilestoneCompleted',
      data: { customerId, journeyId: 'j1', stepId: 's1', milestoneId: 'm1', completedOn },
    });

    it('records the completion date of a milestone of the current step', () => {
      spec.given([placedInA]).when(complete('m1', '2026-01-15')).then([completedM1('2026-01-15')]);
    });

    it('completes a milestone of another step of the journey, recording its step', () => {
      spec
        .given([placedInA])
        .when(complete('m2', '2026-01-10'))
        .then([{ type: 'MilestoneCompleted', data: { customerId, journeyId: 'j1', stepId: 's2', milestoneId: 'm2', completedOn: '2026-01-10' } }]);
    });

    it('is a no-op for the same date, and corrects a different one', () => {
      spec.given([placedInA, completedM1('2026-01-14')]).when(complete('m1', '2026-01-14')).then([]);
      spec.given([placedInA, completedM1('2026-01-14')]).when(complete('m1', '2026-01-13')).then([completedM1('2026-01-13')]);
    });

    it('starts afresh after a move to another wallet', () => {
      const placedAgain: CustomerJourneyEvent = { type: 'CustomerPlacedInWallet', data: { customerId, walletId: walletB, fromWalletId: walletA, journeyId: 'j1', stepId: 's1' } };
      spec.given([placedInA, completedM1('2026-01-14'), placedAgain]).when(complete('m1', '2026-01-14')).then([completedM1('2026-01-14')]);
    });

    it('refuses a date that is not YYYY-MM-DD or not a real date', () => {
      spec.given([placedInA]).when(complete('m1', '15/01/2026')).thenThrows({ kind: 'invalid', field: 'completedOn' });
      spec.given([placedInA]).when(complete('m1', '2026-02-30')).thenThrows({ kind: 'invalid', field: 'completedOn' });
    });

    it('refuses a date in the future', () => {
      spec.given([placedInA]).when(complete('m1', '2026-01-16')).thenThrows({ kind: 'rejected', code: 'completed_in_future' });
    });

    it('takes "today" in the business time zone', () => {
      // 2026-01-15T23:30Z is already the 16th in Tokyo, still the 15th in São Paulo.
      const lateEvening = deciderSpec(customerJourneyDecider, new Date('2026-01-15T23:30:00Z'));
      lateEvening.given([placedInA]).when(complete('m1', '2026-01-16', 'Asia/Tokyo')).then([completedM1('2026-01-16')]);
      lateEvening.given([placedInA]).when(complete('m1', '2026-01-16', 'America/Sao_Paulo')).thenThrows({ kind: 'rejected', code: 'completed_in_future' });
    });

    it('answers not found for a milestone outside the customer’s journey', () => {
      spec.given([placedInA]).when(complete('nope', '2026-01-15')).thenThrows({ kind: 'not_found', code: 'milestone_not_found' });
    });

    it('refuses a customer in no wallet', () => {
      spec.given([]).when({ ...complete('m1', '2026-01-15'), journey: undefined }).thenThrows({ kind: 'rejected', code: 'not_in_wallet' });
    });
  });

  describe('ConcludeStep', () => {
    const conclude = (stepId: string, concludedOn: string, timeZone = 'UTC') =>
      ({ type: 'ConcludeStep', customerId, customerExists: true, stepId, concludedOn, timeZone, journey }) as const;
    const concluded = (stepId: string, concludedOn: string): CustomerJourneyEvent => ({ type: 'StepConcluded', data: { customerId, journeyId: 'j1', stepId, concludedOn } });

    it('records the conclusion date of the current step, without moving the customer', () => {
      spec.given([placedInA]).when(conclude('s1', '2026-01-14')).then([concluded('s1', '2026-01-14')]);
      // Still at s1: moving there changes nothing.
      spec.given([placedInA, concluded('s1', '2026-01-14')]).when({ type: 'MoveCustomerStage', customerId, customerExists: true, stepId: 's1', journey }).then([]);
    });

    it('concludes another step of the journey too', () => {
      spec.given([placedInA, moved]).when(conclude('s1', '2026-01-10')).then([concluded('s1', '2026-01-10')]);
    });

    it('is a no-op for the same date, corrects a different one, and starts afresh in another wallet', () => {
      spec.given([placedInA, concluded('s1', '2026-01-14')]).when(conclude('s1', '2026-01-14')).then([]);
      spec.given([placedInA, concluded('s1', '2026-01-14')]).when(conclude('s1', '2026-01-12')).then([concluded('s1', '2026-01-12')]);
      const placedAgain: CustomerJourneyEvent = { type: 'CustomerPlacedInWallet', data: { customerId, walletId: walletB, fromWalletId: walletA, journeyId: 'j1', stepId: 's1' } };
      spec.given([placedInA, concluded('s1', '2026-01-14'), placedAgain]).when(conclude('s1', '2026-01-14')).then([concluded('s1', '2026-01-14')]);
    });

    it('refuses a date that is not a real YYYY-MM-DD, or one in the future of the business time zone', () => {
      spec.given([placedInA]).when(conclude('s1', '2026-1-14')).thenThrows({ kind: 'invalid', field: 'concludedOn' });
      spec.given([placedInA]).when(conclude('s1', '2026-02-29')).thenThrows({ kind: 'invalid', field: 'concludedOn' });
      spec.given([placedInA]).when(conclude('s1', '2026-01-16')).thenThrows({ kind: 'rejected', code: 'concluded_in_future' });
      const lateEvening = deciderSpec(customerJourneyDecider, new Date('2026-01-15T23:30:00Z'));
      lateEvening.given([placedInA]).when(conclude('s1', '2026-01-16', 'Asia/Tokyo')).then([concluded('s1', '2026-01-16')]);
      lateEvening.given([placedInA]).when(conclude('s1', '2026-01-16', 'America/Sao_Paulo')).thenThrows({ kind: 'rejected', code: 'concluded_in_future' });
    });

    it('answers not found for a step outside the customer’s journey, and refuses a customer in no journey', () => {
      spec.given([placedInA]).when(conclude('t1', '2026-01-15')).thenThrows({ kind: 'not_found', code: 'step_not_found' });
      spec.given([]).when({ ...conclude('s1', '2026-01-15'), journey: undefined }).thenThrows({ kind: 'rejected', code: 'not_in_wallet' });
      spec.given([placedInNoJourney]).when({ ...conclude('s1', '2026-01-15'), journey: undefined }).thenThrows({ kind: 'rejected', code: 'no_journey' });
      spec.given([placedInA]).when({ ...conclude('s1', '2026-01-15'), customerExists: false }).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
    });
  });
});
