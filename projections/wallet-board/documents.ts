import type { JourneyStep } from '@trilha/domain';
import type { OutOfPortfolio } from '../out-of-portfolio';

export const WALLET_BOARD = 'wallet-board';
export const BOARD_JOURNEYS = 'wallet_board_journeys';
export const BOARD_WALLETS = 'wallet_board_wallets';
export const BOARD_CARDS = 'wallet_board_cards';

export type BoardJourneyDocument = { _id: string; name: string; steps: JourneyStep[]; _pos?: string };

export type BoardWalletDocument = {
  _id: string;
  name: string;
  managerId: string;
  journeyId?: string;
  isDefault: boolean;
  _pos?: string;
};

/**
 * One per customer, keyed by customer id: the name (from the customer's events) and, once the
 * customer is in a wallet, where they are. Only dates are stored; the time-relative fields of a
 * card are computed when the board is read (board-view.ts).
 */
export type BoardCardDocument = {
  _id: string;
  name?: string;
  walletId?: string;
  journeyId?: string;
  stepId?: string;
  /** When the customer entered the current step (ISO 8601 instant). */
  enteredStepAt?: string;
  /** Moved from another wallet and not worked on since (seed 002: "cliente novo"). */
  isNew: boolean;
  /** Completion date (YYYY-MM-DD) by milestone id, for the current journey run. */
  completed: Record<string, string>;
  /**
   * Marker ids (CS6): the customer's one marker, or none. Emptied when the marker is deleted from
   * the catalogue. An array so that more than one marker per card needs no new shape; the board
   * filter reads it.
   */
  markers: string[];
  _pos?: string;
} & OutOfPortfolio;
