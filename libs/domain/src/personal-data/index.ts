export * from './placeholder';
export * from './personal-fields';
export * from './value-cipher';
export * from './payload-encryption';
