export * from './events';
export * from './state';
export * from './commands';
export * from './decide';
export * from './money';
export * from './limits';
export * from './portfolio';
export { requireLiveCustomer, customerDeleted } from './existing-customer';
