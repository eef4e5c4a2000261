import type { JourneyStep } from '@trilha/domain';

export const JOURNEY_PROGRESS = 'journey-progress';
export const PROGRESS_JOURNEYS = 'journey_progress_journeys';
export const PROGRESS_CUSTOMERS = 'journey_progress_customers';

export type ProgressJourneyDocument = { _id: string; name: string; steps: JourneyStep[]; _pos?: string };

/**
 * One per customer placed in a wallet, keyed by customer id: where they are in the wallet's
 * journey and the dates they reported. Only dates are stored; on time and late are computed when
 * it is read (progress-view.ts).
 */
export type ProgressCustomerDocument = {
  _id: string;
  walletId: string;
  journeyId?: string;
  stepId?: string;
  /** When the customer last entered each step (ISO 8601 instant), by step id. */
  entered: Record<string, string>;
  /** Completion date (YYYY-MM-DD) by milestone id. */
  completed: Record<string, string>;
  /** Conclusion date (YYYY-MM-DD) by step id. */
  concluded: Record<string, string>;
  _pos?: string;
};
