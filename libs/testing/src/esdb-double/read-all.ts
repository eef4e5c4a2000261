import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog } from './event-log';
import { serverFilterOf } from './event-filter';
import { checkpointResponse, eventResponse } from './read-responses';
import type { ResponseWriter } from './response-writer';

/**
 * Streams.Read of `$all` (not a subscription). Forwards from a position includes the event at
 * that position; backwards from a position starts with the event before it, as a read of the
 * transaction file does. With a server-side filter, `count` counts matching events and a
 * checkpoint goes out after every checkpoint interval of scanned events, as in a filtered
 * subscription.
 */
export async function readAllStream(log: EventLog, options: ReadReq.Options, writer: ResponseWriter): Promise<void> {
  const all = options.getAll()!;
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const count = BigInt(options.getCount() || '0');
  const filter = serverFilterOf(options);
  const position = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;

  let index: number;
  if (forwards) index = all.hasEnd() ? log.length : position !== undefined ? log.indexAtOrAfter(position) : 0;
  else index = all.hasStart() ? -1 : position !== undefined ? log.indexAtOrAfter(position) - 1 : log.length - 1;
  const step = forwards ? 1 : -1;

  let sent = 0n;
  let scanned = 0;
  while (index >= 0 && index < log.length && sent < count && !writer.cancelled) {
    const event = log.at(index);
    index += step;
    scanned += 1;
    if (!filter || filter.matches(event)) {
      await writer.send(eventResponse(event));
      sent += 1n;
    }
    if (filter && scanned % filter.checkpointInterval === 0) await writer.send(checkpointResponse(event.position));
  }
  writer.end();
}
