export * from './ballot-box';
export * from './ballot-counter';
