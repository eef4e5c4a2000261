import type { LeadOrigin, LeadStatus, NonCustomerKind, PortfolioException, ProposalStatus } from '@trilha/domain';
import type { OutOfPortfolio } from '../out-of-portfolio';

export interface ActorRef {
  id: string;
  role?: string;
  name?: string;
}

/** A proposal as the detail shows it (T6). */
export interface ProposalEntry {
  id: string;
  productId: string;
  /** Decimal text with two places, e.g. "1500.50"; `amountCents` is the same amount in cents. */
  amount: string;
  amountCents: number;
  notes?: string;
  status: ProposalStatus;
  createdAt: string;
  soldAt?: string;
}

/** The customer detail read model (GET /customers/:id). */
export type CustomerDetailDocument = {
  _id: string;
  id: string;
  name: string;
  phones: string[];
  email?: string;
  whatsapp?: string;
  media?: string;
  channel?: string;
  brokerId?: string;
  objective?: string;
  temperature?: string;
  moment?: string;
  subMoment?: string;
  productOfInterestId?: string;
  leadStatus: LeadStatus;
  /** T14: the change of the lead status scheduled and still pending; absent when none is. */
  scheduledLeadStatus?: { to: LeadStatus; at: string };
  /**
   * Keyed by proposal id, so that marking one as a sale is a single `$set` (the read store has no
   * positional array updates). The query turns it into a list.
   */
  proposals: Record<string, ProposalEntry>;
  disinterest?: { reason: string; at: string; by?: ActorRef };
  /** T13: 0..5 stars; absent until first rated (the query shows null). */
  rating?: number;
  /** CS6: the marker set on the customer; the query shows it only while the catalogue has it. */
  markerId?: string;
  /**
   * T9: not a customer; `since` and `by` are of the marking that made it one (a later change of
   * kind or note keeps them). The note is personal data: the placeholder once the customer is erased.
   */
  nonCustomer?: { kind: NonCustomerKind; note?: string; since: string; by?: ActorRef };
  /** T12: the portfolio exceptions that hold, by exception, with when and by whom each was set. */
  portfolioExceptions?: Partial<Record<PortfolioException, { since: string; by?: ActorRef }>>;
  origin?: LeadOrigin;
  registeredAt: string;
  registeredBy?: ActorRef;
  updatedAt: string;
  /** Stream revision and global position of the last event applied. */
  revision: string;
  position: string;
  _pos?: string;
} & OutOfPortfolio;

/**
 * CS6: one marker of the catalogue, kept by the same projection as the customers so that a
 * customer's marker and its name are read at one position. A deleted marker stays, flagged.
 */
export type MarkerDocument = {
  _id: string;
  name: string;
  emoji: string;
  createdAt: string;
  deleted: boolean;
  _pos?: string;
};
