import { randomUUID } from 'node:crypto';
import { credentials, type ClientReadableStream } from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { startEventStoreDbDouble, type EventStoreDbDouble } from './start-eventstoredb-double';

/**
 * The double speaks the protocol: the real client talks to it for appends and reads, and the
 * generated gRPC client checks what goes over the wire where the order of messages matters.
 */

const Case = ReadResp.ContentCase;
const open: { close(): unknown }[] = [];
let double: EventStoreDbDouble;
let client: EventStoreDBClient;

beforeEach(async () => {
  double = await startEventStoreDbDouble();
  client = EventStoreDBClient.connectionString(double.url);
});
afterEach(async () => {
  for (const resource of open.splice(0)) resource.close();
  await client.dispose();
  await double.stop();
});

const address = (url: string) => new URL(url.replace('esdb://', 'http://')).host;
const grpcClient = <T extends { close(): void }>(Client: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => T): T => {
  const created = new Client(address(double.url), credentials.createInsecure());
  open.push(created);
  return created;
};
const appendEvents = (stream: string, count: number, expectedRevision: AppendExpectedRevision = 'any', type = 'Tested') =>
  client.appendToStream(
    stream,
    Array.from({ length: count }, (_, i) => jsonEvent({ type, data: { i } })),
    { expectedRevision },
  );
const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
};

/** A raw Read of `$all`, with the options of the subscriptions and reads the client sends. */
function allRequest(configure: (options: ReadReq.Options, all: ReadReq.Options.AllOptions) => void): ReadReq {
  const options = new ReadReq.Options();
  const all = new ReadReq.Options.AllOptions();
  all.setStart(new Empty());
  const uuidOption = new ReadReq.Options.UUIDOption();
  uuidOption.setString(new Empty());
  options.setUuidOption(uuidOption);
  options.setNoFilter(new Empty());
  configure(options, all);
  options.setAll(all);
  const request = new ReadReq();
  request.setOptions(options);
  return request;
}

function prefixFilter(prefixes: string[], max: number, multiplier: number): ReadReq.Options.FilterOptions {
  const expression = new ReadReq.Options.FilterOptions.Expression();
  expression.setPrefixList(prefixes);
  const filter = new ReadReq.Options.FilterOptions();
  filter.setStreamIdentifier(expression);
  filter.setMax(max);
  filter.setCheckpointintervalmultiplier(multiplier);
  return filter;
}

function read(request: ReadReq): ClientReadableStream<ReadResp> {
  const call = grpcClient(StreamsClient).read(request);
  open.push({ close: () => call.cancel() });
  call.on('error', () => undefined); // cancelled in afterEach
  return call;
}

/**
 * Collects responses of a raw Read until `done` holds or the call ends. The call is paused in
 * between, so responses arriving before the next collection wait for it.
 */
function responsesUntil(call: ClientReadableStream<ReadResp>, done: (responses: ReadResp[]) => boolean): Promise<ReadResp[]> {
  const responses: ReadResp[] = [];
  return new Promise((resolve) => {
    const finish = () => {
      call.pause();
      call.off('data', onData);
      call.off('end', finish);
      resolve(responses);
    };
    const onData = (response: ReadResp) => {
      responses.push(response);
      if (done(responses)) finish();
    };
    call.on('data', onData);
    call.on('end', finish);
    call.resume();
  });
}

const cases = (responses: ReadResp[]) => responses.map((response) => response.getContentCase());
const eventPosition = (response: ReadResp) => BigInt(response.getEvent()!.getEvent()!.getCommitPosition());
const checkpointPosition = (response: ReadResp) => BigInt(response.getCheckpoint()!.getCommitPosition());

describe('connection', () => {
  const supported = (features: ServerFeaturesClient) =>
    new Promise<string[]>((resolve, reject) =>
      features.getSupportedMethods(new Empty(), (error: Error | null, methods?: SupportedMethods) =>
        error ? reject(error) : resolve(methods!.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`)),
      ),
    );

  it('lists BatchAppend among the supported methods unless told not to', async () => {
    expect(await supported(grpcClient(ServerFeaturesClient))).toContain('event_store.client.streams.Streams/BatchAppend');

    const legacy = await startEventStoreDbDouble({ batchAppend: false });
    try {
      const features = new ServerFeaturesClient(address(legacy.url), credentials.createInsecure());
      open.push(features);
      const methods = await supported(features);
      expect(methods).toContain('event_store.client.streams.Streams/Append');
      expect(methods).not.toContain('event_store.client.streams.Streams/BatchAppend');
    } finally {
      await legacy.stop();
    }
  });
});

describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('appending through %s', (_label, batchAppend) => {
  beforeEach(async () => {
    await client.dispose();
    await double.stop();
    double = await startEventStoreDbDouble({ batchAppend });
    client = EventStoreDBClient.connectionString(double.url);
  });

  it('numbers revisions per stream and positions across streams, never at 0', async () => {
    const first = await appendEvents('a', 2, NO_STREAM);
    const second = await appendEvents('b', 1, NO_STREAM);
    const third = await appendEvents('a', 1, 1n);

    expect([first, second, third].map((r) => r.nextExpectedRevision)).toEqual([1n, 0n, 2n]);
    const positions = (await collect(client.readAll())).map(({ event }) => event!.position.commit);
    expect(positions).toHaveLength(4);
    expect(positions[0]).toBeGreaterThan(0n);
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
    expect(third.position).toEqual({ commit: positions[3], prepare: positions[3] });
  });

  it('stores what the client sent: id, type, JSON data and metadata, creation time', async () => {
    const id = randomUUID();
    const before = Date.now();
    await client.appendToStream('s', jsonEvent({ id, type: 'Made', data: { ok: 'sim' }, metadata: { by: 'me' } }));

    const [{ event }] = await collect(client.readStream('s'));
    expect(event).toMatchObject({ id, type: 'Made', streamId: 's', revision: 0n, data: { ok: 'sim' }, metadata: { by: 'me' } });
    expect(event!.isJson).toBe(true);
    expect(event!.created.getTime()).toBeGreaterThanOrEqual(before - 1);
  });

  it('answers a wrong expected revision with what the client needs for WrongExpectedVersionError', async () => {
    await appendEvents('s', 2, NO_STREAM);

    const stale = await appendEvents('s', 1, 5n).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(WrongExpectedVersionError);
    expect(stale).toMatchObject({ streamName: 's', expectedVersion: 5n, actualVersion: 1n });

    const missing = await appendEvents('none', 1, STREAM_EXISTS).catch((error: unknown) => error);
    expect(missing).toMatchObject({ streamName: 'none', expectedVersion: 'stream_exists', actualVersion: 'no_stream' });

    const existing = await appendEvents('s', 1, NO_STREAM).catch((error: unknown) => error);
    expect(existing).toMatchObject({ expectedVersion: 'no_stream', actualVersion: 1n });
    expect(await collect(client.readStream('s'))).toHaveLength(2);
  });

  it('answers the repeat of an append (same ids, same expected revision) with the first result', async () => {
    const batch = [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })];
    const first = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
    const repeated = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
    const repeatedWithAny = await client.appendToStream('s', batch);

    expect(repeated).toEqual(first);
    expect(repeatedWithAny).toEqual(first);
    expect(await collect(client.readStream('s'))).toHaveLength(2);
  });
});

describe('reading a stream', () => {
  it('reports a stream that does not exist', async () => {
    await expect(collect(client.readStream('nobody'))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('reads from a revision, both ways, up to a count', async () => {
    await appendEvents('s', 5);
    const revisions = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
      (await collect(client.readStream('s', options))).map(({ event }) => event!.revision);

    expect(await revisions({ fromRevision: 3n })).toEqual([3n, 4n]);
    expect(await revisions({ fromRevision: 3n, direction: BACKWARDS })).toEqual([3n, 2n, 1n, 0n]);
    expect(await revisions({ fromRevision: END, direction: BACKWARDS, maxCount: 2 })).toEqual([4n, 3n]);
    expect(await revisions({ fromRevision: END })).toEqual([]);
  });
});

describe('reading $all', () => {
  it('includes the event at the position going forwards and starts before it going backwards', async () => {
    await appendEvents('a', 3);
    await appendEvents('b', 2);
    const all = (await collect(client.readAll())).map(({ event }) => event!);
    const third = all[2].position;

    const forwards = await collect(client.readAll({ fromPosition: third, maxCount: 2 }));
    expect(forwards.map(({ event }) => event!.id)).toEqual([all[2].id, all[3].id]);
    const backwards = await collect(client.readAll({ fromPosition: third, direction: BACKWARDS }));
    expect(backwards.map(({ event }) => event!.id)).toEqual([all[1].id, all[0].id]);
    const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
    expect(last.map(({ event }) => event!.id)).toEqual([all[4].id]);
  });

  it('applies a server-side filter, counting only matching events', async () => {
    await appendEvents('keep-1', 2);
    await appendEvents('drop-1', 3);
    await appendEvents('keep-2', 2);

    const request = allRequest((options) => {
      options.setCount('3');
      options.setFilter(prefixFilter(['keep-'], 32, 1));
    });
    const responses = await responsesUntil(read(request), () => false);
    const streams = responses
      .filter((r) => r.hasEvent())
      .map((r) => Buffer.from(r.getEvent()!.getEvent()!.getStreamIdentifier()!.getStreamName_asU8()).toString());
    expect(streams).toEqual(['keep-1', 'keep-1', 'keep-2']);
  });
});

describe('subscribing to $all', () => {
  it('confirms, catches up, says caught_up, then sends live events', async () => {
    await appendEvents('a', 2);
    const call = read(allRequest((options) => options.setSubscription(new ReadReq.Options.SubscriptionOptions())));

    const catchUp = await responsesUntil(call, (responses) => responses.some((r) => r.hasCaughtUp()));
    expect(cases(catchUp)).toEqual([Case.CONFIRMATION, Case.EVENT, Case.EVENT, Case.CAUGHT_UP]);
    expect(catchUp[0].getConfirmation()!.getSubscriptionId()).not.toBe('');

    await appendEvents('b', 1);
    const live = await responsesUntil(call, (responses) => responses.length === 1);
    expect(cases(live)).toEqual([Case.EVENT]);
    expect(eventPosition(live[0])).toBeGreaterThan(eventPosition(catchUp[2]));
  });

  it('starts strictly after the position it is given, or at the end', async () => {
    await appendEvents('a', 3);
    const [, second] = await collect(client.readAll());
    const fromSecond = read(
      allRequest((options, all) => {
        options.setSubscription(new ReadReq.Options.SubscriptionOptions());
        const position = new ReadReq.Options.Position();
        position.setCommitPosition(second.event!.position.commit.toString());
        position.setPreparePosition(second.event!.position.prepare.toString());
        all.setPosition(position);
      }),
    );
    const afterSecond = await responsesUntil(fromSecond, (responses) => responses.some((r) => r.hasCaughtUp()));
    expect(cases(afterSecond)).toEqual([Case.CONFIRMATION, Case.EVENT, Case.CAUGHT_UP]);
    expect(afterSecond[1].getEvent()!.getEvent()!.getStreamRevision()).toBe('2');

    const fromEnd = read(
      allRequest((options, all) => {
        options.setSubscription(new ReadReq.Options.SubscriptionOptions());
        all.setEnd(new Empty());
      }),
    );
    const atEnd = await responsesUntil(fromEnd, (responses) => responses.some((r) => r.hasCaughtUp()));
    expect(cases(atEnd)).toEqual([Case.CONFIRMATION, Case.CAUGHT_UP]);
  });

  it('sends a filtered checkpoint after every max × multiplier scanned events, in catch-up and live', async () => {
    await appendEvents('other', 13);
    const call = read(
      allRequest((options) => {
        options.setSubscription(new ReadReq.Options.SubscriptionOptions());
        options.setFilter(prefixFilter(['wanted-'], 2, 3));
      }),
    );
    const all = (await collect(client.readAll())).map(({ event }) => event!.position.commit);

    const catchUp = await responsesUntil(call, (responses) => responses.some((r) => r.hasCaughtUp()));
    expect(cases(catchUp)).toEqual([Case.CONFIRMATION, Case.CHECKPOINT, Case.CHECKPOINT, Case.CAUGHT_UP]);
    expect([checkpointPosition(catchUp[1]), checkpointPosition(catchUp[2])]).toEqual([all[5], all[11]]);

    await appendEvents('wanted-1', 1);
    await appendEvents('other', 4);
    const live = await responsesUntil(call, (responses) => responses.some((r) => r.hasCheckpoint()));
    expect(cases(live)).toEqual([Case.EVENT, Case.CHECKPOINT]);
    const allNow = (await collect(client.readAll())).map(({ event }) => event!.position.commit);
    expect(checkpointPosition(live[1])).toBe(allNow[17]);
  });

  it('also serves the client subscription, uuid and stream name included', async () => {
    const id = randomUUID();
    await client.appendToStream('s', jsonEvent({ id, type: 'T', data: {} }));
    const subscription = client.subscribeToAll();
    open.push({ close: () => void subscription.unsubscribe() });

    for await (const { event } of subscription) {
      expect(event).toMatchObject({ id, streamId: 's', type: 'T' });
      break;
    }
  });
});

describe('wire details', () => {
  it('accepts event ids in the structured form', async () => {
    const streams = grpcClient(StreamsClient);
    const identifier = new StreamIdentifier();
    identifier.setStreamName(Buffer.from('structured'));
    const options = new AppendReq.Options();
    options.setStreamIdentifier(identifier);
    options.setAny(new Empty());
    const structured = new UUID.Structured();
    structured.setMostSignificantBits(BigInt.asIntN(64, 0x0123456789abcdefn).toString());
    structured.setLeastSignificantBits(BigInt.asIntN(64, 0xfedcba9876543210n).toString());
    const id = new UUID();
    id.setStructured(structured);
    const message = new AppendReq.ProposedMessage();
    message.setId(id);
    message.getMetadataMap().set('type', 'T');
    message.getMetadataMap().set('content-type', 'application/json');
    message.setData(Buffer.from('{}'));

    await new Promise<void>((resolve, reject) => {
      const sink = streams.append((error: Error | null) => (error ? reject(error) : resolve()));
      const header = new AppendReq();
      header.setOptions(options);
      sink.write(header);
      const entry = new AppendReq();
      entry.setProposedMessage(message);
      sink.write(entry);
      sink.end();
    });

    const [{ event }] = await collect(client.readStream('structured'));
    expect(event!.id).toBe('01234567-89ab-cdef-fedc-ba9876543210');
  });
});
