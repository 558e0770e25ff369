export * from './clock-driver';
export * from './demo';
export * from './event-log';
export * from './oracle';
export * from './results-table';
export * from './scenario-run';
export * from './scenario';
export * from './simulation-stack';
