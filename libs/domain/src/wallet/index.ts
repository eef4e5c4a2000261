export * from './events';
export * from './limits';
export * from './stream-keys';
export * from './state';
export * from './decide';
export * from './name-reservation';
export * from './manager-default';
