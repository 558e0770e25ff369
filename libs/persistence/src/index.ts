export * from './database';
export * from './migrator';
export { Prisma, PrismaClient } from './generated/client';
