import type { Document } from 'bson';
import { Aggregator, Query } from 'mingo';
import { CommandError } from '../command-error';
import { COMPARISON_CONTEXT, withMongoComparisons } from './comparison-operators';
import { sortDocuments } from './sort-documents';

/**
 * Filters, projections and pipeline stages are evaluated by mingo, with MongoDB's comparison
 * operators (comparison-operators.ts) and sort order (sort-documents.ts). mingo's errors
 * become BadValue.
 */
function evaluated<T>(what: () => T): T {
  try {
    return what();
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError('BadValue', error instanceof Error ? error.message : String(error));
  }
}

const OPTIONS = { context: COMPARISON_CONTEXT };

export type Matcher = (doc: Document) => boolean;

export function matcher(filter: Document | undefined): Matcher {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const query = evaluated(() => new Query(withMongoComparisons(filter), OPTIONS));
  return (doc) => evaluated(() => query.test(doc));
}

export interface Selection {
  filter?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}

/** What a find returns: filter, then sort, skip, limit, projection. Never mutates `docs`. */
export function select(docs: Document[], selection: Selection): Document[] {
  let result = docs.filter(matcher(selection.filter));
  if (selection.sort && Object.keys(selection.sort).length > 0) result = sortDocuments(result, selection.sort);
  const end = selection.limit ? (selection.skip ?? 0) + selection.limit : undefined;
  result = result.slice(selection.skip ?? 0, end);
  if (selection.projection && Object.keys(selection.projection).length > 0) result = aggregate(result, [{ $project: selection.projection }]);
  return result;
}

/** Stages that write elsewhere have no meaning in the double. */
const REFUSED_STAGES = new Set(['$out', '$merge']);

/** Runs a pipeline: `$sort` stages with MongoDB's order, the runs of stages between them by mingo. */
export function aggregate(docs: Document[], pipeline: Document[]): Document[] {
  let result = docs;
  let pending: Document[] = [];
  const flush = () => {
    if (pending.length > 0) {
      const stages = pending;
      result = evaluated(() => new Aggregator(stages, OPTIONS).run(result) as Document[]);
    }
    pending = [];
  };
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (REFUSED_STAGES.has(name)) throw new CommandError('BadValue', `${name} is not supported by the MongoDB test double`);
    if (name === '$sort') {
      flush();
      result = sortDocuments(result, stage.$sort);
    } else if (name === '$match' && stage.$match && typeof stage.$match === 'object') {
      pending.push({ $match: withMongoComparisons(stage.$match) });
    } else {
      pending.push(stage);
    }
  }
  flush();
  return result;
}
