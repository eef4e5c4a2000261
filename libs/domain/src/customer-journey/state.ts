import type { CustomerJourneyEvent } from './events';

/** Where a customer is: their wallet and, when the wallet has a journey, their step in it. */
export interface CustomerJourneyState {
  walletId?: string;
  journeyId?: string;
  stepId?: string;
  /** Completion date (YYYY-MM-DD) by milestone id, for the journey the customer is in. */
  completed: Record<string, string>;
  /** Conclusion date (YYYY-MM-DD) by step id, for the journey the customer is in. */
  concluded: Record<string, string>;
}

export const initialCustomerJourneyState: CustomerJourneyState = { completed: {}, concluded: {} };

export function evolveCustomerJourney(state: CustomerJourneyState, event: CustomerJourneyEvent): CustomerJourneyState {
  switch (event.type) {
    case 'CustomerPlacedInWallet': {
      const { walletId, journeyId, stepId } = event.data;
      // Entering a wallet starts its journey afresh.
      return { walletId, journeyId, stepId, completed: {}, concluded: {} };
    }
    case 'CustomerStageMoved':
      return { ...state, stepId: event.data.toStepId };
    case 'MilestoneCompleted':
      return { ...state, completed: { ...state.completed, [event.data.milestoneId]: event.data.completedOn } };
    case 'StepConcluded':
      return { ...state, concluded: { ...state.concluded, [event.data.stepId]: event.data.concludedOn } };
    default:
      return state;
  }
}
