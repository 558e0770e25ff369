import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ElectionDefinition } from '@shailoo/election';
// The store as the build ships it (src/index.js is the bundle: scripts/bundle.js).
import { Database, ElectionRepository, openDatabase, Submission, SubmissionRepository } from '../src';

/**
 * bench:store — the store step alone on the embedded database: the same N submissions written
 * through Prisma's generated client (createMany) and through the repository's one-statement raw
 * SQL (the tally server's hot path), in batches of BENCH_BATCH, each into a fresh database, in the
 * same run.
 *   BENCH_RESULTS (20000)  submissions
 *   BENCH_BATCH (1000)     rows per batch for both paths
 */
const N = Number(process.env.BENCH_RESULTS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);

const definition: ElectionDefinition = {
  id: 'store',
  name: 'store',
  type: 'city-council',
  date: '2021-04-11',
  territory: { id: 'city', name: 'city', level: 'district', children: [] },
  contests: [],
};

async function fresh(): Promise<Database> {
  const db = await openDatabase({});
  await new ElectionRepository(db).save(definition, 'x', []);
  return db;
}

async function main(): Promise<void> {
  const rows: Submission[] = Array.from({ length: N }, (_, i) => ({
    kind: 'result',
    electionId: 'store',
    precinctId: `p${i}`,
    deviceId: `aeu-p${i}`,
    sequence: 1,
    payload: {
      votes: { p1: i % 150, p2: (i * 7) % 150 },
      invalidBallots: i % 20,
      againstAll: 0,
      ballotsInBox: (i % 150) + ((i * 7) % 150) + (i % 20),
      closedAtMs: 0,
    },
    bodyHash: randomBytes(32),
    envelope: randomBytes(300),
  }));
  console.log(`bench:store — ${N} submissions, batches of ${BATCH}, PGlite in memory`);

  const orm = await fresh();
  let t = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    await orm.prisma.submission.createMany({
      data: rows
        .slice(i, i + BATCH)
        .map((r) => ({ ...r, payload: r.payload as any, bodyHash: new Uint8Array(r.bodyHash), envelope: new Uint8Array(r.envelope) })),
      skipDuplicates: true,
    });
  }
  const ormRate = N / ((performance.now() - t) / 1000);
  await orm.close();

  const raw = await fresh();
  const repository = new SubmissionRepository(raw);
  t = performance.now();
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) inserted += (await repository.insertBatch(rows.slice(i, i + BATCH))).filter((o) => o === 'inserted').length;
  const rawRate = N / ((performance.now() - t) / 1000);
  const stored = await repository.count();
  await raw.close();

  console.log(`Prisma createMany:                         ${ormRate.toFixed(0)} rows/s`);
  console.log(`one raw INSERT of arrays (the hot path):   ${rawRate.toFixed(0)} rows/s (${inserted} inserted, ${stored} stored)`);
  console.log(`ratio raw / ORM:                           ${(rawRate / ormRate).toFixed(2)}×`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
