export * from './election-registry';
export * from './device-message-authenticator';
export * from './in-memory-elections';
export * from './device-conduct';
