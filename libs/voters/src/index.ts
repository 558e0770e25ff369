export * from './voter-registry';
