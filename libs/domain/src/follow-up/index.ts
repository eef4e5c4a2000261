export * from './events';
export * from './state';
export * from './fields';
export * from './decide';
export * from './message-values';
