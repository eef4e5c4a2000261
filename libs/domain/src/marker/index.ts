export * from './events';
export * from './limits';
export * from './emoji';
export * from './state';
export * from './decide';
