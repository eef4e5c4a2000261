import { UpcasterRegistry } from './shared/upcasters';

/**
 * Every upcaster of Trilha's events, in one place: the command side and the projections both
 * read old event shapes through it. Register a step when an event's payload changes shape, e.g.
 * `.register('CustomerRegistered', 2, (data) => ({ ...data, phones: [data.phone] }))`.
 */
export function createEventUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry();
}
