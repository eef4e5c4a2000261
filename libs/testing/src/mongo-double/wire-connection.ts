import type { Socket } from 'node:net';
import type { Document } from 'bson';
import { CommandError } from './command-error';
import { MessageFramer, readHeader } from './wire/message-framer';
import { decodeOpMsg, encodeOpMsg, MORE_TO_COME, OP_MSG } from './wire/op-msg';
import { decodeOpQuery, encodeOpReply, OP_QUERY } from './wire/op-query';

export type ExecuteCommand = (command: Document, connectionId: number) => Document;

let lastResponseId = 0;

/**
 * One client connection: OP_MSG commands answered with OP_MSG, and the OP_QUERY handshake a
 * driver sends first answered with OP_REPLY. Requests flagged moreToCome get no reply.
 * Anything else closes the connection, as a server does with a message it cannot parse.
 */
export function serveConnection(socket: Socket, connectionId: number, execute: ExecuteCommand): void {
  const framer = new MessageFramer();
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    try {
      for (const message of framer.push(chunk)) {
        const reply = answer(message, connectionId, execute);
        if (reply) socket.write(reply);
      }
    } catch {
      socket.destroy();
    }
  });
}

function answer(message: Buffer, connectionId: number, execute: ExecuteCommand): Buffer | undefined {
  const { opCode } = readHeader(message);
  const responseId = (lastResponseId = (lastResponseId + 1) & 0x7fffffff);
  if (opCode === OP_MSG) {
    const request = decodeOpMsg(message);
    const reply = execute(request.command, connectionId);
    return request.flags & MORE_TO_COME ? undefined : encodeOpMsg(responseId, request.requestId, reply);
  }
  if (opCode === OP_QUERY) {
    const request = decodeOpQuery(message);
    const reply = request.collection.endsWith('.$cmd')
      ? execute({ ...request.command, $db: request.collection.slice(0, -'.$cmd'.length) }, connectionId)
      : new CommandError('CommandNotFound', 'OP_QUERY is only answered for commands (the handshake)').toReply();
    return encodeOpReply(responseId, request.requestId, reply);
  }
  throw new Error(`unsupported opcode ${opCode}`);
}
