import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

/**
 * Applies the committed Prisma migrations in name order and records them in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status/deploy` agree where the Prisma CLI can
 * run. The project applies them itself because the CLI's schema engine is a separate download.
 * Concurrent starters serialize on the advisory lock Prisma uses.
 */
export async function applyMigrations(db: SqlRunner, dir = migrationsDir()): Promise<string[]> {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
  await db.exec('SELECT pg_advisory_lock(72707369)');
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = new Map(
      (await db.query('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')).map((r) => [
        r.migration_name as string,
        r.checksum as string,
      ]),
    );
    const applied: string[] = [];
    for (const name of names) {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      if (done.has(name)) {
        if (done.get(name) !== checksum) throw new Error(`migration ${name} was edited after it was applied (checksum differs)`);
        continue;
      }
      await db.exec(`BEGIN;\n${sql}\n;COMMIT;`).catch(async (err) => {
        await db.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${name} failed: ${err.message}`);
      });
      await db.query('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)', [
        randomUUID(),
        checksum,
        name,
      ]);
      applied.push(name);
    }
    return applied;
  } finally {
    await db.exec('SELECT pg_advisory_unlock(72707369)');
  }
}

/** libs/persistence/prisma/migrations, found from here whether running from source or from dist/. */
export function migrationsDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'persistence', 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('cannot find libs/persistence/prisma/migrations');
  }
}
