import { WrongExpectedVersion as SharedWrongExpectedVersion, Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp, BatchAppendReq } from '@eventstore/db-client/generated/streams_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import type { ExpectedState } from './event-log';

/**
 * Translations between the wire's expected-revision options and the double's ExpectedState.
 * Append messages use the client's own Empty; BatchAppend and shared messages use
 * google.protobuf.Empty.
 */

export function expectedStateOfAppend(options: AppendReq.Options): ExpectedState {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  return { kind: 'any' };
}

export function expectedStateOfBatch(options: BatchAppendReq.Options): ExpectedState {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  return { kind: 'any' };
}

/** The conflict answer of Streams.Append. */
export function appendWrongExpectedVersion(
  expected: ExpectedState,
  current: bigint | undefined,
): AppendResp.WrongExpectedVersion {
  const answer = new AppendResp.WrongExpectedVersion();
  if (current === undefined) answer.setCurrentNoStream(new Empty());
  else answer.setCurrentRevision(current.toString());
  switch (expected.kind) {
    case 'revision':
      answer.setExpectedRevision(expected.revision.toString());
      break;
    case 'noStream':
      answer.setExpectedNoStream(new Empty());
      break;
    case 'streamExists':
      answer.setExpectedStreamExists(new Empty());
      break;
    case 'any':
      answer.setExpectedAny(new Empty());
      break;
  }
  return answer;
}

/** The conflict detail of Streams.BatchAppend (packed into a google.rpc.Status). */
export function sharedWrongExpectedVersion(
  expected: ExpectedState,
  current: bigint | undefined,
): SharedWrongExpectedVersion {
  const answer = new SharedWrongExpectedVersion();
  if (current === undefined) answer.setCurrentNoStream(new GoogleEmpty());
  else answer.setCurrentStreamRevision(current.toString());
  switch (expected.kind) {
    case 'revision':
      answer.setExpectedStreamPosition(expected.revision.toString());
      break;
    case 'noStream':
      answer.setExpectedNoStream(new GoogleEmpty());
      break;
    case 'streamExists':
      answer.setExpectedStreamExists(new GoogleEmpty());
      break;
    case 'any':
      answer.setExpectedAny(new GoogleEmpty());
      break;
  }
  return answer;
}
