export * from './decider-spec';
export * from './contracts/event-store.contract';
export * from './esdb-double';
export * from './contracts/read-store.contract';
export * from './mongo-double';
