export * from './identification-device';
export * from './identification-link';
export * from './identification-report';
export * from './precinct-authority';
