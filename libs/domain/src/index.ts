export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/upcasters';
export * from './customer';
export * from './appointment';
