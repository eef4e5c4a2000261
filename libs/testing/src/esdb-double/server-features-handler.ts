import type { handleUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

/** The server version the double imitates: recent enough to send `caught_up` to subscriptions. */
export const IMITATED_SERVER_VERSION = '23.10.0';

const STREAMS = 'event_store.client.streams.Streams';
const SERVER_FEATURES = 'event_store.client.server_features.ServerFeatures';

/**
 * ServerFeatures.GetSupportedMethods, which the client calls once per connection. Whether
 * BatchAppend is listed decides which append call the client makes.
 */
export function serverFeaturesHandler(options: { batchAppend: boolean }): handleUnaryCall<Empty, SupportedMethods> {
  return (_call, callback) => {
    const methods: [string, string][] = [
      [STREAMS, 'Read'],
      [STREAMS, 'Append'],
      [SERVER_FEATURES, 'GetSupportedMethods'],
    ];
    if (options.batchAppend) methods.push([STREAMS, 'BatchAppend']);
    const answer = new SupportedMethods();
    answer.setEventStoreServerVersion(IMITATED_SERVER_VERSION);
    answer.setMethodsList(
      methods.map(([service, method]) => {
        const supported = new SupportedMethod();
        supported.setServiceName(service);
        supported.setMethodName(method);
        return supported;
      }),
    );
    callback(null, answer);
  };
}
