import { BSON, type Document } from 'bson';
import { HEADER_LENGTH, readHeader, writeHeader } from './message-framer';

export const OP_MSG = 2013;

/** OP_MSG flag bits. */
export const CHECKSUM_PRESENT = 1 << 0;
export const MORE_TO_COME = 1 << 1;
export const EXHAUST_ALLOWED = 1 << 16;

export interface OpMsgRequest {
  requestId: number;
  flags: number;
  /** The kind 0 body with each kind 1 document sequence added as an array field. */
  command: Document;
}

/**
 * Decodes an OP_MSG: one kind 0 section (the command) and any number of kind 1 sections
 * (document sequences such as `documents`, `updates`, `deletes`).
 */
export function decodeOpMsg(message: Buffer): OpMsgRequest {
  const header = readHeader(message);
  const flags = message.readUInt32LE(HEADER_LENGTH);
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = HEADER_LENGTH + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message[offset++];
    if (kind === 0) {
      const size = message.readInt32LE(offset);
      body = BSON.deserialize(message.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const documents: Document[] = [];
      for (let at = nameEnd + 1; at < sectionEnd; ) {
        const docSize = message.readInt32LE(at);
        documents.push(BSON.deserialize(message.subarray(at, at + docSize)));
        at += docSize;
      }
      sequences.push([identifier, documents]);
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new Error('OP_MSG without a kind 0 section');
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  return { requestId: header.requestId, flags, command: body };
}

/** An OP_MSG reply: flags 0 and a single kind 0 section. */
export function encodeOpMsg(requestId: number, responseTo: number, reply: Document): Buffer {
  const body = BSON.serialize(reply);
  const flags = Buffer.alloc(5); // uint32 flags, then the section kind byte (0)
  return Buffer.concat([writeHeader(HEADER_LENGTH + flags.length + body.length, requestId, responseTo, OP_MSG), flags, body]);
}
