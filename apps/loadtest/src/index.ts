export * from './check';
export * from './loadtest';
export * from './metrics-endpoint';
export * from './options';
export * from './report';
export * from './agent';
