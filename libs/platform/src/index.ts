export * from './clock';
export * from './random';
export * from './keys';
export * from './signature-verifier';
