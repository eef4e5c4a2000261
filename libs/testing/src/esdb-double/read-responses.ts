import { randomUUID } from 'node:crypto';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './event-log';

/** Builders for the messages a Read call streams back. */

export function streamIdentifier(streamName: string): StreamIdentifier {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(streamName, 'utf8'));
  return identifier;
}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  const name = identifier?.getStreamName_asU8() ?? new Uint8Array();
  return Buffer.from(name).toString('utf8');
}

/** The event as the server sends it; ids go out in string form (the only form the client asks for). */
export function eventResponse(event: StoredEvent): ReadResp {
  const id = new UUID();
  id.setString(event.id);
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(id);
  recorded.setStreamIdentifier(streamIdentifier(event.streamName));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  recorded.getMetadataMap().set('created', event.created.toString());
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);

  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(event.position.toString());
  const response = new ReadResp();
  response.setEvent(readEvent);
  return response;
}

export function confirmationResponse(): ReadResp {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const response = new ReadResp();
  response.setConfirmation(confirmation);
  return response;
}

export function checkpointResponse(position: bigint): ReadResp {
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.toString());
  checkpoint.setPreparePosition(position.toString());
  const response = new ReadResp();
  response.setCheckpoint(checkpoint);
  return response;
}

export function caughtUpResponse(): ReadResp {
  const response = new ReadResp();
  response.setCaughtUp(new ReadResp.CaughtUp());
  return response;
}

export function streamNotFoundResponse(streamName: string): ReadResp {
  const notFound = new ReadResp.StreamNotFound();
  notFound.setStreamIdentifier(streamIdentifier(streamName));
  const response = new ReadResp();
  response.setStreamNotFound(notFound);
  return response;
}
