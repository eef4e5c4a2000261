import type { JourneyStep } from '@trilha/domain';
import { daysBetween, localDay } from '../calendar-days';
import type { BoardCardDocument, BoardJourneyDocument, BoardWalletDocument } from './documents';

export const MILESTONE_STATUSES = ['late', 'today', 'on_time', 'completed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface BoardCard {
  customerId: string;
  name: string;
  enteredStepAt: string;
  daysInStep: number;
  /** Red on the board: longer in the step than its deadline (its largest milestone deadline). */
  overdue: boolean;
  isNew: boolean;
  milestoneStatus: MilestoneStatus;
  progress: { done: number; total: number };
}

export interface Board {
  walletId: string;
  journey: { id: string; name: string } | null;
  /** Customers in the wallet, whatever the filters. */
  total: number;
  columns: { stepId: string; name: string; cards: BoardCard[] }[];
}

export interface BoardFilters {
  marker?: string;
  milestoneStatus?: MilestoneStatus;
}

/** When the board is looked at: the instant, and the IANA time zone whose days deadlines count. */
export interface BoardClock {
  now: Date;
  timeZone: string;
}

/**
 * The board as of `clock.now` (CS5): the time-relative fields of each card are computed here,
 * at query time, from the dates the projection stored. `walletCards` are all the wallet's cards.
 */
export function boardView(
  wallet: BoardWalletDocument,
  journey: BoardJourneyDocument | null,
  walletCards: BoardCardDocument[],
  clock: BoardClock,
  filters: BoardFilters = {},
): Board {
  const today = localDay(clock.now, clock.timeZone);
  const base = { walletId: wallet._id, total: walletCards.length };
  if (!journey) return { ...base, journey: null, columns: [] };
  // Every milestone id of the journey, once per request rather than once per card.
  const daysSince = daysSinceDay(today);
  const milestoneIds = journey.steps.flatMap((step) => step.milestones.map((m) => m.id));
  const totalMilestones = milestoneIds.length;
  const byStep = new Map<string, BoardCardDocument[]>(journey.steps.map((step) => [step.id, []]));
  for (const c of walletCards) {
    if (c.journeyId === journey._id && c.enteredStepAt !== undefined) byStep.get(c.stepId as string)?.push(c);
  }
  const columns = journey.steps.map((step) => {
    const deadline = step.milestones.length > 0 ? Math.max(...step.milestones.map((m) => m.days)) : undefined;
    return {
      stepId: step.id,
      name: step.name,
      cards: byStep
        .get(step.id)!
        .filter((c) => filters.marker === undefined || c.markers.includes(filters.marker))
        .map((c) => cardView(c, step, deadline, milestoneIds, daysSince, clock.timeZone))
        .filter((c) => filters.milestoneStatus === undefined || c.milestoneStatus === filters.milestoneStatus)
        .sort((a, b) => compareInstants(a.enteredStepAt, b.enteredStepAt) || collator.compare(a.name, b.name) || collator.compare(a.customerId, b.customerId)),
    };
  });
  return { ...base, journey: { id: journey._id, name: journey.name }, columns };
}

/** Days from a day to `today`, counted once per distinct day of one board (cards share entry days). */
function daysSinceDay(today: string): (day: string) => number {
  const counted = new Map<string, number>();
  return (day) => {
    let days = counted.get(day);
    if (days === undefined) {
      days = daysBetween(day, today);
      counted.set(day, days);
    }
    return days;
  };
}

/** What `String.prototype.localeCompare` does, without building a collator per comparison. */
const collator = new Intl.Collator();

/** A UTC instant as `Date.prototype.toISOString` writes it (years 0000–9999). */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The collator's order of two `enteredStepAt` values, without the collator in the usual case:
 * two canonical instants differ only in digits at the same places, which the collator orders as
 * their code units (0 < 1 < … < 9). Anything else goes to the collator.
 */
function compareInstants(a: string, b: string): number {
  if (a === b) return 0;
  if (CANONICAL_INSTANT.test(a) && CANONICAL_INSTANT.test(b)) return a < b ? -1 : 1;
  return collator.compare(a, b);
}

function cardView(
  card: BoardCardDocument,
  step: JourneyStep,
  deadline: number | undefined,
  milestoneIds: string[],
  daysSince: (day: string) => number,
  timeZone: string,
): BoardCard {
  const enteredStepAt = card.enteredStepAt as string;
  const elapsed = daysSince(localDay(enteredStepAt, timeZone));
  const daysInStep = Math.max(0, elapsed);
  let done = 0;
  for (const id of milestoneIds) if (card.completed[id] !== undefined) done++;
  return {
    customerId: card._id,
    name: card.name ?? '',
    enteredStepAt,
    daysInStep,
    overdue: deadline !== undefined && daysInStep > deadline,
    isNew: card.isNew,
    milestoneStatus: milestoneStatusAfter(step, card.completed, elapsed),
    progress: { done, total: milestoneIds.length },
  };
}

/**
 * Seed 002, over the current step's milestones, each due `days` after the day the step was
 * entered: late when a pending one is past due, today when one is due today, completed when all
 * are done, else on time. A step without milestones has nothing to be late on: on time.
 */
export function milestoneStatus(step: JourneyStep, completed: Record<string, string>, enteredDay: string, today: string): MilestoneStatus {
  return milestoneStatusAfter(step, completed, daysBetween(enteredDay, today));
}

/** `milestoneStatus` with the days elapsed since the step was entered already counted. */
function milestoneStatusAfter(step: JourneyStep, completed: Record<string, string>, elapsed: number): MilestoneStatus {
  if (step.milestones.length === 0) return 'on_time';
  const pending = step.milestones.filter((m) => completed[m.id] === undefined);
  if (pending.length === 0) return 'completed';
  // A milestone is due `days` after the day entered: compared with the days elapsed since.
  if (pending.some((m) => m.days < elapsed)) return 'late';
  if (pending.some((m) => m.days === elapsed)) return 'today';
  return 'on_time';
}
