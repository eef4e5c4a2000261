export * from './decider-spec';
export * from './contracts/event-store.contract';
