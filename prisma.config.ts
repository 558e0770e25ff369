import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'libs/persistence/prisma/schema.prisma',
  migrations: { path: 'libs/persistence/prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/shailoo' },
});
