export * from './request-thread';
export * from './serve-requests';
export * from './crossing-error';
