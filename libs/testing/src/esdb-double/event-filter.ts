import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './event-log';

/** The server's default search window when the client asks for `count` instead of `max`. */
export const READ_BATCH_SIZE = 32;

export interface ServerFilter {
  matches(event: StoredEvent): boolean;
  /** Events scanned between two checkpoints: the search window times the client's multiplier. */
  checkpointInterval: number;
}

/** Builds the server-side filter of a Read request, or undefined for `no_filter`. */
export function serverFilterOf(options: ReadReq.Options): ServerFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const window = filter.hasMax() ? filter.getMax() : READ_BATCH_SIZE;
  const multiplier = Math.max(1, filter.getCheckpointintervalmultiplier());
  const checkpointInterval = window * multiplier;

  if (filter.hasStreamIdentifier()) {
    const test = expressionTest(filter.getStreamIdentifier()!);
    return { checkpointInterval, matches: (e) => test(e.streamName) };
  }
  if (filter.hasEventType()) {
    const test = expressionTest(filter.getEventType()!);
    return { checkpointInterval, matches: (e) => test(e.type) };
  }
  return undefined;
}

/** A non-empty regex wins over prefixes, as on the server. */
function expressionTest(expression: ReadReq.Options.FilterOptions.Expression): (value: string) => boolean {
  const regex = expression.getRegex();
  if (regex) {
    const compiled = new RegExp(regex);
    return (value) => compiled.test(value);
  }
  const prefixes = expression.getPrefixList();
  return (value) => prefixes.some((prefix) => value.startsWith(prefix));
}
