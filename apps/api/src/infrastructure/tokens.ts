/** Injection tokens of the ports the app is composed from. */
export const EVENT_STORE = Symbol('EventStore');
export const READ_STORE = Symbol('ReadStore');
export const CLOCK = Symbol('Clock');
export const UPCASTERS = Symbol('UpcasterRegistry');
export const TRILHA_CONFIG = Symbol('TrilhaConfig');
export const KEY_STORE = Symbol('KeyStore');
