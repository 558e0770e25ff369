export * from './topics';
export * from './envelope';
export * from './standards';
export * from './vocabulary';
export * from './devices';
export * from './results-view';
export * from './tally-api';
export * from './metrics-text';
