import { status, type handleServerStreamingCall } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog } from './event-log';
import { subscribeToAll } from './all-subscription';
import { readAllStream } from './read-all';
import { readOneStream } from './read-stream';
import { ResponseWriter } from './response-writer';

/** Streams.Read: a stream read, an `$all` read, or an `$all` subscription. */
export function readHandler(log: EventLog): handleServerStreamingCall<ReadReq, ReadResp> {
  return (call) => {
    const options = call.request.getOptions();
    const writer = new ResponseWriter(call);
    const fail = (code: status, details: string) => call.emit('error', { code, details });

    if (!options) return fail(status.INVALID_ARGUMENT, 'Read request without options');
    if (options.hasSubscription()) {
      if (!options.hasAll()) return fail(status.UNIMPLEMENTED, 'The double only subscribes to $all');
      return subscribeToAll(log, options, writer);
    }
    const read = options.hasStream() ? readOneStream : options.hasAll() ? readAllStream : undefined;
    if (!read) return fail(status.INVALID_ARGUMENT, 'Read request without stream or $all option');
    read(log, options, writer).catch((error: Error) => fail(status.INTERNAL, error.message));
  };
}
