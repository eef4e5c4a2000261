import type { DomainEvent } from '../shared/decider';

/** A success milestone: done within `days` days of entering its step (CS2). */
export interface Milestone {
  id: string;
  name: string;
  days: number;
}

export interface JourneyStep {
  id: string;
  name: string;
  milestones: Milestone[];
}

/** CS2: a journey with its ordered steps, defined once, as a whole. */
export type JourneyDefined = DomainEvent<'JourneyDefined', { journeyId: string; name: string; steps: JourneyStep[] }>;

export type JourneyEvent = JourneyDefined;

export const JOURNEY_STREAM_PREFIX = 'journey-';
export const journeyStreamId = (journeyId: string) => `${JOURNEY_STREAM_PREFIX}${journeyId}`;
