import { EventStoreDbEventStore } from '@trilha/event-store';
import { describeEventStoreContract, startEventStoreDbDouble, type EventStoreDbDouble } from '@trilha/testing';

let double: EventStoreDbDouble;
let legacyDouble: EventStoreDbDouble;
beforeAll(async () => {
  double = await startEventStoreDbDouble();
  legacyDouble = await startEventStoreDbDouble({ batchAppend: false });
});
afterAll(async () => {
  await double.stop();
  await legacyDouble.stop();
});

describeEventStoreContract('EventStoreDB adapter over the gRPC double', () =>
  Promise.resolve(new EventStoreDbEventStore(double.url)),
);

// Servers before 21.10 have no BatchAppend: the client then appends through Streams.Append.
describeEventStoreContract('EventStoreDB adapter over the gRPC double without BatchAppend', () =>
  Promise.resolve(new EventStoreDbEventStore(legacyDouble.url)),
);

const realServer = process.env.EVENTSTORE_URL;
if (realServer) {
  describeEventStoreContract(`EventStoreDB adapter against ${realServer}`, () =>
    Promise.resolve(new EventStoreDbEventStore(realServer)),
  );
}
