export * from './demo';
export * from './results-table';
