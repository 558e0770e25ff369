import { createServer } from 'node:net';
import { openDatabase } from './database';
import { isRowFault, sqlState } from './errors';

// Opening a database runs its migrations: seconds on a busy 2-core machine, past Jest's 5 s default.
jest.setTimeout(30_000);

describe('openDatabase', () => {
  it('says that it is DATABASE_URL’s database that cannot be reached, and what to do, without its password', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const opening = openDatabase({ url: `postgresql://tally:s3cret-pw@127.0.0.1:${port}/shailoo` });
    await expect(opening).rejects.toThrow(
      `cannot open the database of DATABASE_URL=postgresql://tally:***@127.0.0.1:${port}/shailoo (ECONNREFUSED): start PostgreSQL there, or fix DATABASE_URL`,
    );
    await expect(opening).rejects.not.toThrow('s3cret-pw');
  });

  it('gives Prisma on the embedded database (on its own thread) its transactions and its errors', async () => {
    const db = await openDatabase({});
    try {
      await db.prisma.$executeRawUnsafe('CREATE TABLE prisma_spec (id int PRIMARY KEY)');
      // Prisma's adapter rolls back without waiting, then ends the transaction: nothing may be kept.
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe('INSERT INTO prisma_spec VALUES (1)');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const refused = await db.prisma.$executeRawUnsafe('INSERT INTO prisma_spec VALUES (2), (2)').catch((err: unknown) => err);
      expect(sqlState(refused)).toBe('23505');
      expect(isRowFault(refused)).toBe(true);
      await db.prisma.$transaction(async (tx) => tx.$executeRawUnsafe('INSERT INTO prisma_spec VALUES (3)'));
      expect(await db.prisma.$queryRawUnsafe('SELECT id FROM prisma_spec')).toEqual([{ id: 3 }]);
    } finally {
      await db.close();
    }
  });

  // On the embedded database, and on PostgreSQL when the tests have one (TEST_DATABASE_URL).
  const targets = [
    { name: 'PGlite', options: {} },
    ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', options: { url: process.env.TEST_DATABASE_URL } }] : []),
  ];
  it.each(targets)('runs a transaction on the driver itself ($name): committed when it resolves, nothing kept when it throws', async ({ options }) => {
    const db = await openDatabase(options);
    const table = `tx_spec_${Date.now()}`;
    try {
      await db.transaction((query) => query(`CREATE TABLE ${table} (n int8, b bytea[])`));
      const rows = await db.transaction(async (query) => {
        await query(`INSERT INTO ${table} SELECT * FROM unnest($1::int8[]), (SELECT $2::bytea[]) AS b`, [[1n, 2n], [Buffer.from([0, 255])]]);
        return query<{ n: bigint | string }>(`SELECT n FROM ${table} ORDER BY n`);
      });
      expect(rows.map((r) => Number(r.n))).toEqual([1, 2]);
      await expect(
        db.transaction(async (query) => {
          await query(`INSERT INTO ${table} VALUES (3, NULL)`);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      // A statement the database refuses rolls back what came before it in the transaction.
      await expect(
        db.transaction(async (query) => {
          await query(`INSERT INTO ${table} VALUES (4, NULL)`);
          await query(`INSERT INTO ${table} VALUES ('not a number', NULL)`);
        }),
      ).rejects.toThrow();
      const kept = await db.transaction((query) => query<{ n: bigint | string; bytes: Uint8Array }>(`SELECT n, b[1] AS bytes FROM ${table} ORDER BY n`));
      expect(kept.map((r) => [Number(r.n), [...Buffer.from(r.bytes)]])).toEqual([
        [1, [0, 255]],
        [2, [0, 255]],
      ]);
    } finally {
      await db.transaction((query) => query(`DROP TABLE IF EXISTS ${table}`)).catch(() => undefined);
      await db.close();
    }
  });
});
