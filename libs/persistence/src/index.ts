export * from './database';
export * from './migrator';
export * from './election-registry';
export { Prisma, PrismaClient } from './generated/client';
