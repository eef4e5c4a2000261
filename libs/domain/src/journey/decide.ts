import { conflict, invalid } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import type { JourneyEvent, JourneyStep } from './events';
import { JOURNEY_NAME_MAX, JOURNEY_STEPS_MAX, MILESTONE_DAYS_MAX, STEP_MILESTONES_MAX } from './limits';
import { requiredName } from './required-name';
import { evolveJourney, initialJourneyState, type JourneyState } from './state';

/** Ids of steps and milestones are chosen by the caller (derived from the command id). */
export type DefineJourney = {
  type: 'DefineJourney';
  journeyId: string;
  name: string;
  steps: JourneyStep[];
};

export type JourneyCommand = DefineJourney;

function decideDefine(command: DefineJourney, state: JourneyState): JourneyEvent[] {
  if (state.exists) throw conflict('journey_exists', `Journey ${command.journeyId} is already defined`);
  const name = requiredName('name', command.name, JOURNEY_NAME_MAX);
  if (command.steps.length === 0) throw invalid('steps', 'A journey needs at least one step');
  if (command.steps.length > JOURNEY_STEPS_MAX) throw invalid('steps', `A journey has at most ${JOURNEY_STEPS_MAX} steps`);
  const steps = command.steps.map((step, i) => validStep(step, `steps.${i}`));
  assertUniqueIds(steps);
  return [{ type: 'JourneyDefined', data: { journeyId: command.journeyId, name, steps } }];
}

function validStep(step: JourneyStep, path: string): JourneyStep {
  const name = requiredName(`${path}.name`, step.name, JOURNEY_NAME_MAX);
  if (step.milestones.length > STEP_MILESTONES_MAX) throw invalid(`${path}.milestones`, `A step has at most ${STEP_MILESTONES_MAX} milestones`);
  const milestones = step.milestones.map((milestone, j) => {
    const at = `${path}.milestones.${j}`;
    const days = milestone.days;
    if (!Number.isInteger(days) || days < 0 || days > MILESTONE_DAYS_MAX) {
      throw invalid(`${at}.days`, `days must be a whole number from 0 to ${MILESTONE_DAYS_MAX}`);
    }
    return { id: milestone.id, name: requiredName(`${at}.name`, milestone.name, JOURNEY_NAME_MAX), days };
  });
  return { id: step.id, name, milestones };
}

function assertUniqueIds(steps: JourneyStep[]): void {
  const ids = steps.flatMap((s) => [s.id, ...s.milestones.map((m) => m.id)]);
  if (new Set(ids).size !== ids.length) throw invalid('steps', 'Step and milestone ids must be unique');
}

export const journeyDecider: Decider<JourneyCommand, JourneyState, JourneyEvent> = {
  initialState: initialJourneyState,
  evolve: evolveJourney,
  decide(command, state) {
    switch (command.type) {
      case 'DefineJourney':
        return decideDefine(command, state);
    }
  },
};
