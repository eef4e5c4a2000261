import { BadRequestProblem } from '../problems/problems';
import type { InputProblem } from './forbidden-keys';

/** The 400 problem for a forbidden key or a too deeply nested value, naming where it is. */
export function toInputProblemException(problem: InputProblem, where: 'body' | 'query'): BadRequestProblem {
  return problem.kind === 'forbiddenKey'
    ? new BadRequestProblem(problem.path, `${problem.key} is not an accepted field name in the ${where === 'body' ? 'request body' : 'query string'} (reserved or operator key)`)
    : new BadRequestProblem(problem.path, `the ${where === 'body' ? 'request body' : 'query string'} nests too deeply`);
}
