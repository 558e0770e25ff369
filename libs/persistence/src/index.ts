export * from './database';
export * from './errors';
export * from './migrator';
export * from './repositories';
export { Prisma, PrismaClient } from './generated/client';
export * from './leadership';
