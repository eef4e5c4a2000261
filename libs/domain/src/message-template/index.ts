export * from './events';
export * from './placeholders';
export * from './decide';
export * from './name-registry';
