import type { JourneyEvent, JourneyStep } from './events';

export type JourneyState = { exists: false } | { exists: true; journeyId: string; name: string; steps: JourneyStep[] };

export const initialJourneyState: JourneyState = { exists: false };

export function evolveJourney(state: JourneyState, event: JourneyEvent): JourneyState {
  switch (event.type) {
    case 'JourneyDefined':
      return { exists: true, journeyId: event.data.journeyId, name: event.data.name, steps: event.data.steps };
    default:
      return state;
  }
}

/** The step a milestone belongs to, if the journey has it. */
export function stepOfMilestone(steps: readonly JourneyStep[], milestoneId: string): JourneyStep | undefined {
  return steps.find((step) => step.milestones.some((m) => m.id === milestoneId));
}
