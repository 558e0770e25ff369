import { messages } from '@electric-sql/pglite';
import { isRowFault } from './errors';
import { PGliteThread } from './pglite-thread';

describe('PGliteThread: the embedded database on a thread of its own', () => {
  let db: PGliteThread;

  beforeAll(async () => {
    db = await PGliteThread.open();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, b bytea, j jsonb)');
  }, 30_000);

  afterAll(() => db?.close());

  it('leaves the calling thread free while it works: timers fire during a long statement', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = performance.now();
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM generate_series(1, 1000000) g WHERE md5(g::text) > $1', ['8'])).rows;
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(n).toBeGreaterThan(0);
    // On the calling thread the statement (PGlite runs one synchronously) would have let no tick through until it was done.
    expect(took).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('fails a statement as PGlite does: a DatabaseError with its SQLSTATE, which the store reads as the row’s fault', async () => {
    await db.query('INSERT INTO t (id) VALUES (1)');
    const err = await db.query('INSERT INTO t (id) VALUES (1)').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(messages.DatabaseError);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect(isRowFault(err)).toBe(true);
  });

  it('commits a transaction when its function resolves, and keeps nothing when it throws or rolls back', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id, b) VALUES ($1, $2)', [10, Buffer.from('kept')]);
      await tx.query('INSERT INTO t (id) VALUES ($1)', [11]);
    });
    const thrown = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES ($1)', [20]);
        throw new Error('changed my mind');
      })
      .catch((e: Error) => e.message);
    expect(thrown).toBe('changed my mind');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id) VALUES ($1)', [30]);
      await tx.rollback();
    });
    const { rows } = await db.query<{ id: number; b: Uint8Array | null }>('SELECT id, b FROM t WHERE id >= 10 ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([10, 11]);
    expect(Buffer.from(rows[0].b!).toString()).toBe('kept');
  });

  it('stores a view of a larger buffer (a socket read) as the view’s bytes', async () => {
    const read = Buffer.alloc(65_536, 7);
    read.write('view', 100);
    await db.query('INSERT INTO t (id, b) VALUES ($1, $2)', [40, read.subarray(100, 104)]);
    const [{ b }] = (await db.query<{ b: Uint8Array }>('SELECT b FROM t WHERE id = 40')).rows;
    expect(Buffer.from(b).toString()).toBe('view');
  });

  it('refuses a statement sent after its transaction ended, as PGlite does, instead of running it outside', async () => {
    let late: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id) VALUES (60)');
      late = new Promise((r) => setTimeout(r, 10)).then(() => tx.query('INSERT INTO t (id) VALUES (61)'));
    });
    await expect(late).rejects.toThrow('Transaction is closed');
    const { rows } = await db.query<{ id: number }>('SELECT id FROM t WHERE id IN (60, 61) ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([60]);
  });

  it('hands the columns of the types a caller parses to its own parsers, here (they cannot cross threads)', async () => {
    await db.query(`INSERT INTO t (id, j) VALUES (50, '{"a": [1, 2]}')`);
    const JSONB = 3802;
    const { rows } = await db.query<unknown[]>('SELECT id, j FROM t WHERE id = 50', [], {
      rowMode: 'array',
      parsers: { [JSONB]: (text, typeId) => `${typeId}:${text}` },
    });
    expect(rows).toEqual([[50, `${JSONB}:{"a": [1, 2]}`]]);
  });

  it('refuses every request once its thread has stopped, naming it, instead of leaving the caller waiting', async () => {
    const doomed = await PGliteThread.open();
    await doomed.close();
    await expect(doomed.query('SELECT 1')).rejects.toThrow(/embedded database's thread stopped/);
  }, 30_000);
});
