export * from './read-store.port';
export * from './errors';
export * from './sqlite';
export * from './mongodb';
