export * from './canonical-json';
export * from './integrity';
export * from './event-hash';
export * from './chain-verifier';
export * from './seal-append';
