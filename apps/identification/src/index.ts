export * from './identification-service';
export * from './identification.controller';
export * from './identification.service';
