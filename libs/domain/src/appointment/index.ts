export * from './events';
export * from './state';
export * from './decide';
export * from './instant';
export * from './customer-appointments';
