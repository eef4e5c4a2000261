import type { JourneyStep } from '@trilha/domain';
import { addDays, localDay } from '../calendar-days';
import type { ProgressCustomerDocument, ProgressJourneyDocument } from './documents';

/** Seed 002: done on time shows green, done late red; not done yet is late, due today or on time. */
export const MILESTONE_PROGRESS = ['completed_on_time', 'completed_late', 'late', 'today', 'on_time', 'not_started'] as const;
export type MilestoneProgress = (typeof MILESTONE_PROGRESS)[number];
export const STEP_PROGRESS = ['concluded_on_time', 'concluded_late', 'late', 'on_time', 'not_started'] as const;
export type StepProgress = (typeof STEP_PROGRESS)[number];

export interface MilestoneProgressView {
  id: string;
  name: string;
  days: number;
  /** The day it is due: `days` after the day its step was entered; null before that. */
  dueOn: string | null;
  completedOn: string | null;
  status: MilestoneProgress;
}

export interface StepProgressView {
  id: string;
  name: string;
  current: boolean;
  /** The day the customer last entered the step; null when they never did. */
  enteredOn: string | null;
  /** The step's final deadline: its last milestone's due day; null without milestones or before it is entered. */
  dueOn: string | null;
  concludedOn: string | null;
  status: StepProgress;
  milestones: MilestoneProgressView[];
}

export interface JourneyProgress {
  customerId: string;
  walletId: string | null;
  journey: { id: string; name: string } | null;
  currentStepId: string | null;
  steps: StepProgressView[];
}

export interface ProgressClock {
  now: Date;
  /** The business's IANA time zone: whose calendar days deadlines count. */
  timeZone: string;
}

/** A customer in no wallet, or in a wallet without a journey. */
export function noJourney(customerId: string, walletId: string | null): JourneyProgress {
  return { customerId, walletId, journey: null, currentStepId: null, steps: [] };
}

/** The customer's journey, each step and milestone with its dates and its status today. */
export function journeyProgressView(doc: ProgressCustomerDocument, journey: ProgressJourneyDocument | null, clock: ProgressClock): JourneyProgress {
  if (!journey || doc.journeyId !== journey._id) return noJourney(doc._id, doc.walletId);
  const today = localDay(clock.now, clock.timeZone);
  return {
    customerId: doc._id,
    walletId: doc.walletId,
    journey: { id: journey._id, name: journey.name },
    currentStepId: doc.stepId ?? null,
    steps: journey.steps.map((step) => stepView(step, doc, today, clock.timeZone)),
  };
}

function stepView(step: JourneyStep, doc: ProgressCustomerDocument, today: string, timeZone: string): StepProgressView {
  const enteredAt = doc.entered[step.id];
  const enteredOn = enteredAt === undefined ? null : localDay(enteredAt, timeZone);
  const milestones = step.milestones.map((m) => milestoneView(m, enteredOn, doc.completed[m.id] ?? null, today));
  const dueOn = enteredOn === null || step.milestones.length === 0 ? null : addDays(enteredOn, Math.max(...step.milestones.map((m) => m.days)));
  const concludedOn = doc.concluded[step.id] ?? null;
  return { id: step.id, name: step.name, current: doc.stepId === step.id, enteredOn, dueOn, concludedOn, status: stepStatus(enteredOn, dueOn, concludedOn, today), milestones };
}

function milestoneView(milestone: JourneyStep['milestones'][number], enteredOn: string | null, completedOn: string | null, today: string): MilestoneProgressView {
  const dueOn = enteredOn === null ? null : addDays(enteredOn, milestone.days);
  return { id: milestone.id, name: milestone.name, days: milestone.days, dueOn, completedOn, status: milestoneStatus(dueOn, completedOn, today) };
}

/** Completed: on time unless after its due day (one never due, its step never entered, is on time). */
function milestoneStatus(dueOn: string | null, completedOn: string | null, today: string): MilestoneProgress {
  if (completedOn !== null) return dueOn !== null && completedOn > dueOn ? 'completed_late' : 'completed_on_time';
  if (dueOn === null) return 'not_started';
  if (today > dueOn) return 'late';
  return today === dueOn ? 'today' : 'on_time';
}

/** Concluded: on time unless after its final deadline. A step without milestones has none to miss. */
function stepStatus(enteredOn: string | null, dueOn: string | null, concludedOn: string | null, today: string): StepProgress {
  if (concludedOn !== null) return dueOn !== null && concludedOn > dueOn ? 'concluded_late' : 'concluded_on_time';
  if (enteredOn === null) return 'not_started';
  return dueOn !== null && today > dueOn ? 'late' : 'on_time';
}
