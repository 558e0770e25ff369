export * from './reports';
export * from './figures';
export * from './precinct';
export * from './precinct-flags';
export * from './election-tally';
