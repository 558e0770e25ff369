import { PGlite } from '@electric-sql/pglite';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, migrationsDir, SqlRunner } from '@shailoo/persistence';

jest.setTimeout(30_000);

describe('migrations', () => {
  let db: PGlite;
  let runner: SqlRunner;
  beforeEach(async () => {
    db = new PGlite();
    runner = { exec: (sql) => db.exec(sql).then(() => undefined), query: (sql, params) => db.query(sql, params).then((r) => r.rows as any[]) };
  });
  afterEach(() => db.close());

  it('applies each migration once, in order, and records it as Prisma does', async () => {
    const names = readdirSync(migrationsDir())
      .filter((n) => /^\d+_/.test(n))
      .sort();
    expect(await applyMigrations(runner)).toEqual(names);
    expect(await applyMigrations(runner)).toEqual([]);
    const recorded = await runner.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    expect(recorded.map((r) => r.migration_name)).toEqual(names);
    expect(recorded.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at)).toBe(true);
  });

  it('carries box results stored before submissions existed over into the submission table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-migrations-'));
    try {
      const [first] = readdirSync(migrationsDir())
        .filter((n) => /^\d+_/.test(n))
        .sort();
      cpSync(join(migrationsDir(), first), join(dir, first), { recursive: true });
      await applyMigrations(runner, dir);
      await runner.exec(`INSERT INTO election (id, name, definition_hash, definition) VALUES ('e', 'E', 'h', '{}');
        INSERT INTO precinct_result (election_id, precinct_id, device_id, sequence, votes, invalid_ballots, against_all, ballots_in_box, closed_at, body_hash, envelope)
        VALUES ('e', 'p1', 'd1', 3, '{"a": 5, "b": 2}', 1, 0, 8, '2021-04-11 14:00:00', '\\x01', '\\x02')`);
      await applyMigrations(runner);
      const [row] = await runner.query('SELECT kind, device_id, sequence, payload FROM submission');
      expect(row).toEqual({
        kind: 'result',
        device_id: 'd1',
        sequence: 3,
        payload: { votes: { a: 5, b: 2 }, invalidBallots: 1, againstAll: 0, ballotsInBox: 8, closedAtMs: Date.UTC(2021, 3, 11, 14) },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a migration edited after it was applied', async () => {
    await applyMigrations(runner);
    await runner.exec(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await expect(applyMigrations(runner)).rejects.toThrow(/edited after it was applied/);
  });
});
