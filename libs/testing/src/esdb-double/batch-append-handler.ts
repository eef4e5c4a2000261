import type { handleBidiStreamingCall } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition } from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, ExpectedState, ProposedEvent } from './event-log';
import { expectedStateOfBatch, sharedWrongExpectedVersion } from './expected-state';
import { proposedEventOf, uuidString } from './proposed-event';
import { streamNameOf } from './read-responses';

interface PendingBatch {
  options?: BatchAppendReq.Options;
  proposed: ProposedEvent[];
}

/**
 * Streams.BatchAppend (bidirectional, one long-lived call per client): requests carry a
 * correlation id; a write may span several requests and happens on the one marked final.
 * Each write gets one response with the same correlation id; a conflict is a
 * google.rpc.Status whose details pack a WrongExpectedVersion.
 */
export function batchAppendHandler(log: EventLog): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  return (call) => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = uuidString(request.getCorrelationId());
      const batch = pending.get(correlation) ?? { proposed: [] };
      if (request.hasOptions()) batch.options = request.getOptions();
      batch.proposed.push(...request.getProposedMessagesList().map(proposedEventOf));
      if (!request.getIsFinal()) {
        pending.set(correlation, batch);
        return;
      }
      pending.delete(correlation);
      const response = writeBatch(log, batch);
      response.setCorrelationId(request.getCorrelationId());
      if (!call.cancelled) call.write(response);
    });
    call.on('end', () => call.end());
  };
}

function writeBatch(log: EventLog, batch: PendingBatch): BatchAppendResp {
  const response = new BatchAppendResp();
  if (!batch.options) {
    response.setError(errorStatus(Code.INVALID_ARGUMENT, 'BatchAppend without options'));
    return response;
  }
  const streamName = streamNameOf(batch.options.getStreamIdentifier());
  const expected = expectedStateOfBatch(batch.options);
  response.setStreamIdentifier(batch.options.getStreamIdentifier());
  echoExpected(response, expected);

  const outcome = log.append(streamName, expected, batch.proposed);
  if (!outcome.ok) {
    const status = errorStatus(Code.FAILED_PRECONDITION, 'WrongExpectedVersion');
    const details = sharedWrongExpectedVersion(expected, outcome.currentRevision);
    const packed = new Any();
    packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    status.setDetails(packed);
    response.setError(status);
    return response;
  }
  const success = new BatchAppendResp.Success();
  if (outcome.currentRevision === undefined) success.setNoStream(new GoogleEmpty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position === undefined) success.setNoPosition(new GoogleEmpty());
  else {
    const position = new AllStreamPosition();
    position.setCommitPosition(outcome.position.toString());
    position.setPreparePosition(outcome.position.toString());
    success.setPosition(position);
  }
  response.setSuccess(success);
  return response;
}

function echoExpected(response: BatchAppendResp, expected: ExpectedState): void {
  switch (expected.kind) {
    case 'revision':
      response.setStreamPosition(expected.revision.toString());
      break;
    case 'noStream':
      response.setNoStream(new GoogleEmpty());
      break;
    case 'streamExists':
      response.setStreamExists(new GoogleEmpty());
      break;
    case 'any':
      response.setAny(new GoogleEmpty());
      break;
  }
}

function errorStatus(code: Code, message: string): Status {
  const status = new Status();
  status.setCode(code);
  status.setMessage(message);
  return status;
}
