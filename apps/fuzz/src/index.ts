export * from './broker-garbage';
export * from './hostile-corpus';
