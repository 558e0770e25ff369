import type { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client';
import { lockDirectory } from './directory-lock';
import { applyMigrations, SqlRunner } from './migrator';
import { PGliteThread } from './pglite-thread';

/** The injection token of the open Database in the Nest services. */
export const DATABASE = Symbol('DATABASE');

export interface DatabaseOptions {
  /** postgres:// or postgresql:// for a PostgreSQL server; unset for the embedded database. */
  url?: string;
  /** Where the embedded database keeps its files; unset (or memory://) keeps it in memory. */
  dataDir?: string;
}

/** A statement with $1, $2… parameters, run by the driver itself; the rows it returns. */
export type SqlQuery = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

export interface Database {
  prisma: PrismaClient;
  /**
   * One transaction on the driver itself, without Prisma: for the hot path's few statements, where
   * Prisma's own work per query and per transaction cost more than the database's (bench:store).
   * Committed when `fn` resolves, rolled back when it throws.
   */
  transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T>;
  kind: 'pglite' | 'postgresql';
  /** Migrations applied by this open (empty when the schema was current). */
  applied: string[];
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the store and brings its schema up to date. Without a URL it is PGlite (PostgreSQL
 * compiled to Wasm, in-process): the same SQL dialect as the server, so one set of migrations
 * and one raw-SQL hot path serve both.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got ${redact(options.url)}`);
    const applied = await migrateServer(options.url);
    const pool = new Pool({ connectionString: options.url, max: 4 });
    return handle(
      new PrismaClient({ adapter: new PrismaPg(pool) }),
      'postgresql',
      applied,
      (sql) => pool.query(sql),
      () => pool.end(),
      async (fn) => {
        const client = await pool.connect();
        // A connection lost between two statements is an error of the transaction's, not an unhandled event that ends the process.
        let lost: Error | null = null;
        const onError = (err: Error) => (lost = err);
        client.on('error', onError);
        try {
          await client.query('BEGIN');
          const result = await fn(async (sql, params) => (await client.query(sql, params)).rows);
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch((rollback: Error) => (lost ??= rollback));
          throw err;
        } finally {
          client.off('error', onError);
          // A client whose connection failed is discarded, not handed to the next caller.
          client.release(lost ?? undefined);
        }
      },
    );
  }
  const onDisk = options.dataDir && !options.dataDir.startsWith('memory://') ? options.dataDir : undefined;
  // PGlite is one process's database: two processes writing one directory would corrupt it.
  if (onDisk) mkdirSync(onDisk, { recursive: true });
  const lock = onDisk ? await lockDirectory(onDisk, 'the embedded database') : { release: () => undefined };
  // On a thread of its own (PGliteThread): the caller's event loop stays free while it works.
  const db = await PGliteThread.open(options.dataDir).catch((err) => {
    lock.release();
    throw err;
  });
  const applied = await applyMigrations({
    exec: (sql) => db.exec(sql).then(() => undefined),
    query: (sql, params) => db.query(sql, params).then((r) => r.rows as any[]),
  });
  return handle(
    // The adapter calls query (rows as arrays, its parsers), exec and transaction: what the thread offers.
    new PrismaClient({ adapter: new PrismaPGlite(db as unknown as PGlite) }),
    'pglite',
    applied,
    (sql) => db.query(sql),
    () => db.close().finally(() => lock.release()),
    // PGlite runs one transaction at a time, Prisma's included: this waits its turn.
    (fn) => db.transaction((tx) => fn(async (sql, params) => (await tx.query(sql, params)).rows)),
  );
}

function handle(
  prisma: PrismaClient,
  kind: Database['kind'],
  applied: string[],
  query: (sql: string) => Promise<unknown>,
  closeDriver: () => Promise<unknown>,
  transaction: Database['transaction'],
): Database {
  return {
    prisma,
    transaction,
    kind,
    applied,
    ping: () =>
      query('SELECT 1').then(
        () => true,
        () => false,
      ),
    close: async () => {
      await prisma.$disconnect();
      await closeDriver().catch(() => undefined);
    },
  };
}

/** Migrates over one dedicated connection: the advisory lock belongs to a session. */
async function migrateServer(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect().catch((err: Error & { code?: string }) => {
    throw new Error(
      `cannot open the database of DATABASE_URL=${redact(url)} (${err.code ?? err.message}${err.code && err.message && !err.message.includes(err.code) ? `: ${err.message}` : ''}): start PostgreSQL there, or fix DATABASE_URL (unset, the embedded store is used)`,
      { cause: err },
    );
  });
  const runner: SqlRunner = {
    exec: (sql) => client.query(sql).then(() => undefined),
    query: (sql, params) => client.query(sql, params).then((r) => r.rows),
  };
  try {
    return await applyMigrations(runner);
  } finally {
    await client.end();
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
