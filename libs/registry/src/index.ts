export * from './election-registry';
export * from './device-message-authenticator';
