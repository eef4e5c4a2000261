export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/upcasters';
export * from './customer';
export * from './appointment';
export * from './journey';
export * from './wallet';
export * from './customer-journey';
