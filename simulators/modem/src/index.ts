export * from './link-model';
export * from './link-proxy';
export * from './modem';
export * from './outbox';
export * from './uplink';
