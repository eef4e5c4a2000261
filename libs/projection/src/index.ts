export * from './projection-definition';
