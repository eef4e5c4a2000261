import { connect, type Socket } from 'node:net';
import { BSON, type Document } from 'bson';
import { MongoClient } from 'mongodb';
import { startMongoDbDouble, type MongoDbDouble } from './start-mongodb-double';
import { MessageFramer, readHeader } from './wire/message-framer';
import { MORE_TO_COME, OP_MSG } from './wire/op-msg';
import { OP_QUERY, OP_REPLY } from './wire/op-query';

/** A client that writes raw wire messages and reads raw replies, to check the framing itself. */
class RawClient {
  private readonly framer = new MessageFramer();
  private readonly replies: Buffer[] = [];
  private waiting?: () => void;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.replies.push(...this.framer.push(chunk));
      this.waiting?.();
    });
  }

  static async open(url: string): Promise<RawClient> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawClient(socket);
  }

  send(message: Buffer): void {
    this.socket.write(message);
  }

  async reply(): Promise<Buffer> {
    while (this.replies.length === 0) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.replies.shift()!;
  }

  pending(): number {
    return this.replies.length;
  }

  close(): void {
    this.socket.destroy();
  }
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeInt32LE(length, 0);
  bytes.writeInt32LE(requestId, 4);
  bytes.writeInt32LE(opCode, 12);
  return bytes;
}

function opMsg(requestId: number, body: Document, sequences: Record<string, Document[]> = {}, flags = 0): Buffer {
  const parts = [Buffer.from([0]), BSON.serialize(body)];
  for (const [identifier, documents] of Object.entries(sequences)) {
    const content = Buffer.concat([Buffer.from(`${identifier}\0`), ...documents.map((doc) => BSON.serialize(doc))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + content.length);
    parts.push(Buffer.from([1]), size, content);
  }
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32LE(flags);
  const payload = Buffer.concat([flagBytes, ...parts]);
  return Buffer.concat([header(16 + payload.length, requestId, OP_MSG), payload]);
}

function opQuery(requestId: number, collection: string, query: Document): Buffer {
  const skipAndReturn = Buffer.alloc(8);
  skipAndReturn.writeInt32LE(-1, 4);
  const payload = Buffer.concat([Buffer.alloc(4), Buffer.from(`${collection}\0`), skipAndReturn, BSON.serialize(query)]);
  return Buffer.concat([header(16 + payload.length, requestId, OP_QUERY), payload]);
}

/** The body of an OP_MSG reply (flags, then one kind 0 section). */
function opMsgBody(reply: Buffer): Document {
  expect(reply.readUInt32LE(16)).toBe(0);
  expect(reply[20]).toBe(0);
  return BSON.deserialize(reply.subarray(21));
}

let double: MongoDbDouble;
let raw: RawClient | undefined;

beforeEach(async () => {
  double = await startMongoDbDouble();
});
afterEach(async () => {
  raw?.close();
  raw = undefined;
  await double.stop();
});

describe('the wire protocol of the MongoDB double', () => {
  it('answers the OP_QUERY handshake with an OP_REPLY carrying the hello document', async () => {
    raw = await RawClient.open(double.url);
    raw.send(opQuery(7, 'admin.$cmd', { isMaster: 1, helloOk: true }));
    const reply = await raw.reply();

    expect(readHeader(reply)).toMatchObject({ responseTo: 7, opCode: OP_REPLY });
    expect(reply.readInt32LE(32)).toBe(1); // numberReturned
    const hello = BSON.deserialize(reply.subarray(36));
    expect(hello).toMatchObject({ ismaster: true, helloOk: true, setName: 'rs0', maxWireVersion: 21, ok: 1 });
    expect(hello).not.toHaveProperty('topologyVersion');
  });

  it('merges kind 1 document sequences into the command and replies to the request id', async () => {
    raw = await RawClient.open(double.url);
    raw.send(opMsg(11, { insert: 'people', $db: 'wire' }, { documents: [{ _id: 'a' }, { _id: 'b' }] }));
    const reply = await raw.reply();
    expect(readHeader(reply)).toMatchObject({ responseTo: 11, opCode: OP_MSG });
    expect(opMsgBody(reply)).toEqual({ n: 2, ok: 1 });

    raw.send(opMsg(12, { find: 'people', filter: {}, $db: 'wire' }));
    expect(opMsgBody(await raw.reply()).cursor.firstBatch).toEqual([{ _id: 'a' }, { _id: 'b' }]);
  });

  it('sends no reply to a request flagged moreToCome, and still applies it', async () => {
    raw = await RawClient.open(double.url);
    raw.send(opMsg(21, { insert: 'people', documents: [{ _id: 'quiet' }], writeConcern: { w: 0 }, $db: 'wire' }, {}, MORE_TO_COME));
    raw.send(opMsg(22, { count: 'people', $db: 'wire' }));
    const reply = await raw.reply();
    expect(readHeader(reply).responseTo).toBe(22);
    expect(opMsgBody(reply)).toEqual({ n: 1, ok: 1 });
    expect(raw.pending()).toBe(0);
  });

  it('reassembles a message split across TCP writes', async () => {
    raw = await RawClient.open(double.url);
    const message = opMsg(31, { ping: 1, $db: 'admin' });
    raw.send(message.subarray(0, 3));
    await new Promise((resolve) => setImmediate(resolve));
    raw.send(message.subarray(3));
    expect(opMsgBody(await raw.reply())).toEqual({ ok: 1 });
  });

  it('answers an unknown command with CommandNotFound (59)', async () => {
    raw = await RawClient.open(double.url);
    raw.send(opMsg(41, { frobnicate: 1, $db: 'admin' }));
    expect(opMsgBody(await raw.reply())).toEqual({ ok: 0, errmsg: "no such command: 'frobnicate'", code: 59, codeName: 'CommandNotFound' });
  });
});

describe('the official driver on the MongoDB double', () => {
  let client: MongoClient;
  afterEach(async () => {
    await client.close();
  });

  it('sees a writable primary of replica set rs0 with sessions', async () => {
    client = new MongoClient(double.url);
    const hello = await client.db('admin').command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, setName: 'rs0', hosts: [new URL(double.url).host], logicalSessionTimeoutMinutes: 30 });
    expect(await client.db('admin').command({ ping: 1 })).toEqual({ ok: 1 });
    expect(await client.db('admin').command({ buildInfo: 1 })).toMatchObject({ version: '7.0.0' });
  });

  it('connects to a standalone double, which advertises no replica set', async () => {
    const standalone = await startMongoDbDouble({ replicaSet: false });
    client = new MongoClient(standalone.url);
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      expect(hello.isWritablePrimary).toBe(true);
      expect(hello).not.toHaveProperty('setName');
    } finally {
      await client.close();
      await standalone.stop();
    }
  });

  it('reports an unknown command as a MongoServerError with code 59', async () => {
    client = new MongoClient(double.url);
    await expect(client.db('admin').command({ replSetGetStatus: 1 })).rejects.toMatchObject({ code: 59, codeName: 'CommandNotFound' });
  });
});
