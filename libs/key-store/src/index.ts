export * from './key-store.port';
export * from './in-memory/in-memory-key-store';
export * from './sqlite/sqlite-key-store';
export * from './mongodb/mongodb-key-store';
