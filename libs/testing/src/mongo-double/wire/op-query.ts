import { BSON, type Document } from 'bson';
import { HEADER_LENGTH, readHeader, writeHeader } from './message-framer';

/**
 * The legacy opcodes, kept by MongoDB for one purpose: drivers send their first handshake
 * (`isMaster` on `admin.$cmd`) as OP_QUERY before they know the server speaks OP_MSG.
 */
export const OP_QUERY = 2004;
export const OP_REPLY = 1;

export interface OpQueryRequest {
  requestId: number;
  /** `<db>.$cmd` for a command. */
  collection: string;
  command: Document;
}

export function decodeOpQuery(message: Buffer): OpQueryRequest {
  const header = readHeader(message);
  let offset = HEADER_LENGTH + 4; // flags
  const nameEnd = message.indexOf(0, offset);
  const collection = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  const size = message.readInt32LE(offset);
  const query = BSON.deserialize(message.subarray(offset, offset + size));
  // A command with a read preference comes wrapped as {$query, $readPreference}.
  const command = query.$query && typeof query.$query === 'object' ? query.$query : query;
  return { requestId: header.requestId, collection, command };
}

/** An OP_REPLY carrying one document and no cursor. */
export function encodeOpReply(requestId: number, responseTo: number, reply: Document): Buffer {
  const body = BSON.serialize(reply);
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  return Buffer.concat([writeHeader(HEADER_LENGTH + fields.length + body.length, requestId, responseTo, OP_REPLY), fields, body]);
}
