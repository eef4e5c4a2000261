import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, StoredEvent } from './event-log';
import { eventResponse, streamNameOf, streamNotFoundResponse } from './read-responses';
import type { ResponseWriter } from './response-writer';

/** Streams.Read of one stream: from a revision (inclusive), the start or the end, in either direction. */
export async function readOneStream(log: EventLog, options: ReadReq.Options, writer: ResponseWriter): Promise<void> {
  const streamOptions = options.getStream()!;
  const streamName = streamNameOf(streamOptions.getStreamIdentifier());
  const events = log.stream(streamName);
  if (!events) {
    await writer.send(streamNotFoundResponse(streamName));
    writer.end();
    return;
  }
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const count = BigInt(options.getCount() || '0');
  const selected = forwards ? forwardsFrom(events, streamOptions) : backwardsFrom(events, streamOptions);
  let sent = 0n;
  for (const event of selected) {
    if (sent >= count || writer.cancelled) break;
    await writer.send(eventResponse(event));
    sent += 1n;
  }
  writer.end();
}

// A stream's revisions are 0..n-1 here (the double never deletes), so a revision is an index.

function* forwardsFrom(events: readonly StoredEvent[], options: ReadReq.Options.StreamOptions): Generator<StoredEvent> {
  if (options.hasEnd()) return;
  const first = options.hasRevision() ? BigInt(options.getRevision()) : 0n;
  for (let i = first; i < BigInt(events.length); i += 1n) yield events[Number(i)];
}

function* backwardsFrom(events: readonly StoredEvent[], options: ReadReq.Options.StreamOptions): Generator<StoredEvent> {
  const lastIndex = BigInt(events.length - 1);
  let from = lastIndex;
  if (options.hasStart()) from = 0n;
  else if (options.hasRevision()) from = BigInt(options.getRevision());
  if (from > lastIndex) from = lastIndex;
  for (let i = from; i >= 0n; i -= 1n) yield events[Number(i)];
}
