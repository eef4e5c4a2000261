import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { EventLog } from './event-log';
import { appendHandler } from './append-handler';
import { batchAppendHandler } from './batch-append-handler';
import { readHandler } from './read-handler';
import { serverFeaturesHandler } from './server-features-handler';

export interface EventStoreDbDouble {
  /** Connection string for `EventStoreDBClient.connectionString`. */
  url: string;
  stop(): Promise<void>;
}

export interface EventStoreDbDoubleOptions {
  /**
   * Advertise and serve Streams.BatchAppend, as servers since 21.10 do (the client then appends
   * through it). With false the client falls back to Streams.Append. Default true.
   */
  batchAppend?: boolean;
}

/**
 * Starts an in-process, in-memory EventStoreDB single node that speaks the gRPC protocol of
 * `@eventstore/db-client` (insecure, on 127.0.0.1 and an ephemeral port). Unimplemented
 * methods (delete, tombstone, stream subscriptions, persistent subscriptions, projections,
 * ...) answer UNIMPLEMENTED.
 */
export async function startEventStoreDbDouble(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
  const batchAppend = options.batchAppend ?? true;
  const log = new EventLog();
  const server = new Server();

  const streams: UntypedServiceImplementation = { read: readHandler(log), append: appendHandler(log) };
  if (batchAppend) streams.batchAppend = batchAppendHandler(log);
  server.addService(StreamsService, streams);
  server.addService(ServerFeaturesService, { getSupportedMethods: serverFeaturesHandler({ batchAppend }) });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    ),
  );

  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    // Subscriptions never end on their own, so a graceful shutdown would wait for ever.
    stop: async () => server.forceShutdown(),
  };
}
