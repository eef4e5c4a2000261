import { ObjectId, type Document } from 'bson';
import type { CommandContext, CommandTable } from '../command-context';

/** MongoDB 7.0: newer than the driver's minimum (wire version 9), within its maximum. */
const MAX_WIRE_VERSION = 21;
const VERSION = [7, 0, 0, 0];
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/**
 * The hello reply of a writable primary (of replica set `setName` when there is one). It has
 * no `topologyVersion`: drivers then poll with hello instead of streaming awaitable hellos.
 */
function hello(legacy: boolean) {
  return (command: Document, { server, connectionId }: CommandContext): Document => ({
    [legacy ? 'ismaster' : 'isWritablePrimary']: true,
    ...(command.helloOk ? { helloOk: true } : {}),
    ...(server.setName
      ? {
          setName: server.setName,
          setVersion: 1,
          hosts: [server.address],
          primary: server.address,
          me: server.address,
          secondary: false,
          electionId: ELECTION_ID,
        }
      : {}),
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  });
}

const buildInfo = (): Document => ({
  version: VERSION.slice(0, 3).join('.'),
  versionArray: VERSION,
  gitVersion: 'mongodb-test-double',
  bits: 64,
  maxBsonObjectSize: 16 * 1024 * 1024,
  ok: 1,
});

export const handshakeCommands: CommandTable = {
  hello: { run: hello(false) },
  isMaster: { run: hello(true) },
  ismaster: { run: hello(true) },
  ping: { run: () => ({ ok: 1 }) },
  buildInfo: { run: buildInfo },
  buildinfo: { run: buildInfo },
  endSessions: {
    run: (command, { sessions }) => {
      sessions.end(Array.isArray(command.endSessions) ? command.endSessions : []);
      return { ok: 1 };
    },
  },
};
