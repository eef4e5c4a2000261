export * from './events';
export * from './limits';
export * from './state';
export * from './decide';
