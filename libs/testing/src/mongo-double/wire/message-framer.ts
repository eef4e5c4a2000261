/** Every wire message starts with its total length (int32 LE), header included. */
const HEADER_LENGTH = 16;
const MAX_MESSAGE_LENGTH = 48 * 1024 * 1024;

/** Splits the bytes of a socket into whole wire messages. */
export class MessageFramer {
  private pending: Buffer = Buffer.alloc(0);

  /** Appends `chunk` and returns the messages it completes. */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readInt32LE(0);
      if (length < HEADER_LENGTH || length > MAX_MESSAGE_LENGTH) throw new Error(`invalid wire message length ${length}`);
      if (this.pending.length < length) break;
      messages.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
    }
    return messages;
  }
}

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export function readHeader(message: Buffer): MessageHeader {
  return {
    length: message.readInt32LE(0),
    requestId: message.readInt32LE(4),
    responseTo: message.readInt32LE(8),
    opCode: message.readInt32LE(12),
  };
}

export function writeHeader(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return header;
}

export { HEADER_LENGTH };
