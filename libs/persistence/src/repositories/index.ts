export * from './election.repository';
export * from './submission.repository';
export * from './rejection.repository';
export * from './identification.repository';
export * from './operator.repository';
export * from './audit.repository';
