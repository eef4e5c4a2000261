import { status, type handleClientStreamingCall } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, ProposedEvent } from './event-log';
import { appendWrongExpectedVersion, expectedStateOfAppend } from './expected-state';
import { proposedEventOf } from './proposed-event';
import { streamNameOf } from './read-responses';

/**
 * Streams.Append (client streaming): the options message, then one message per event. The
 * write happens when the client ends its side, all events at once.
 */
export function appendHandler(log: EventLog): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(proposedEventOf(request.getProposedMessage()!));
    });
    call.on('end', () => {
      if (call.cancelled) return;
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Append without options' });
      const expected = expectedStateOfAppend(options);
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
      const response = new AppendResp();
      if (outcome.ok) {
        const success = new AppendResp.Success();
        if (outcome.currentRevision === undefined) success.setNoStream(new Empty());
        else success.setCurrentRevision(outcome.currentRevision.toString());
        if (outcome.position === undefined) success.setNoPosition(new Empty());
        else {
          const position = new AppendResp.Position();
          position.setCommitPosition(outcome.position.toString());
          position.setPreparePosition(outcome.position.toString());
          success.setPosition(position);
        }
        response.setSuccess(success);
      } else {
        response.setWrongExpectedVersion(appendWrongExpectedVersion(expected, outcome.currentRevision));
      }
      callback(null, response);
    });
  };
}
