export * from './clock';
export * from './keys';
export * from './random';
export * from './signature-verifier';
export * from './token-bucket';
export * from './eventually';
export * from './process-usage';
export * from './tls-error';
