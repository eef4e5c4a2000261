import type { Decider, DomainEvent } from '@trilha/domain';
import { fold } from '@trilha/domain';

/**
 * Given/when/then for deciders: `given(events).when(command).then(expectedEvents)` or
 * `.thenThrows(match)`. The clock is fixed so tests are repeatable.
 */
export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, now = new Date('2026-01-15T12:00:00Z')) {
  return {
    given(events: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, events), now);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(match: Partial<{ kind: string; code: string; field: string }>) {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toMatchObject(match);
            },
          };
        },
      };
    },
  };
}
