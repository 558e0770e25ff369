export * from './database';
export * from './errors';
export * from './migrator';
export * from './repositories';
export * from './leadership';
export * from './log-notifications';
