export * from './link-model';
export * from './modem';
export * from './outbox';
export * from './uplink';
