import { journeyDecider, type JourneyEvent, type JourneyStep } from '@trilha/domain/journey';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(journeyDecider);
const journeyId = '0b6c7a52-6a0e-4d6f-9a0e-1d2c3b4a5f01';
const steps: JourneyStep[] = [
  {
    id: 's1',
    name: 'Definir um objetivo',
    milestones: [
      { id: 'm1', name: 'Objetivo 1', days: 2 },
      { id: 'm2', name: 'Objetivo 2', days: 4 },
    ],
  },
  { id: 's2', name: 'Ter sucesso', milestones: [] },
];
const defined: JourneyEvent = { type: 'JourneyDefined', data: { journeyId, name: 'Jornada da felicidade', steps } };

describe('journey decider (CS2)', () => {
  it('defines a journey with its ordered steps and milestones, names trimmed', () => {
    spec
      .given([])
      .when({
        type: 'DefineJourney',
        journeyId,
        name: '  Jornada da felicidade ',
        steps: [{ ...steps[0], name: 'Definir um objetivo ' }, steps[1]],
      })
      .then([defined]);
  });

  it('accepts names of exactly 256 characters, emoji counted once, and a deadline of 0 days', () => {
    const name = '🚀' + 'x'.repeat(255);
    spec
      .given([])
      .when({ type: 'DefineJourney', journeyId, name, steps: [{ id: 's1', name, milestones: [{ id: 'm1', name, days: 0 }] }] })
      .then([{ type: 'JourneyDefined', data: { journeyId, name, steps: [{ id: 's1', name, milestones: [{ id: 'm1', name, days: 0 }] }] } }]);
  });

  it('refuses to define the same journey twice', () => {
    spec.given([defined]).when({ type: 'DefineJourney', journeyId, name: 'Outra', steps }).thenThrows({ kind: 'conflict', code: 'journey_exists' });
  });

  it.each([
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 256 characters', { name: 'x'.repeat(257) }, 'name'],
    ['no steps', { steps: [] }, 'steps'],
    ['a step name over 256 characters', { steps: [{ id: 's1', name: 'x'.repeat(257), milestones: [] }] }, 'steps.0.name'],
    ['a blank milestone name', { steps: [{ id: 's1', name: 'S', milestones: [{ id: 'm1', name: ' ', days: 1 }] }] }, 'steps.0.milestones.0.name'],
    ['negative days', { steps: [steps[1], { id: 's1', name: 'S', milestones: [{ id: 'm1', name: 'M', days: -1 }] }] }, 'steps.1.milestones.0.days'],
    ['fractional days', { steps: [{ id: 's1', name: 'S', milestones: [{ id: 'm1', name: 'M', days: 1.5 }] }] }, 'steps.0.milestones.0.days'],
    ['a repeated id', { steps: [{ id: 's1', name: 'S', milestones: [{ id: 's1', name: 'M', days: 1 }] }] }, 'steps'],
  ])('refuses %s, naming the field', (_label, change, field) => {
    spec
      .given([])
      .when({ type: 'DefineJourney', journeyId, name: 'J', steps, ...change })
      .thenThrows({ kind: 'invalid', field });
  });
});
