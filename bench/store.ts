import { performance } from 'node:perf_hooks';
import { SubmissionStore } from '../apps/tally-server/src/submission-store';
import { Submission } from '../apps/tally-server/src/submission';
import { TallyConfig } from '../apps/tally-server/src/tally-config';
import { tallyConfig } from '../apps/tally-server/src/tally-server';
import { sha256, v1 } from '../libs/contracts/src';
import { Database, openDatabase } from '../libs/persistence/src';
import { syntheticElection } from '../simulators/scenario/src/synthetic-election';

/**
 * bench:store — the store step alone on the embedded database: the same N submissions written
 * through Prisma's generated client (createMany, batches of BENCH_BATCH) and through the server's
 * batched raw-SQL path, each into a fresh database, in the same run.
 *   BENCH_RESULTS (20000)  submissions
 *   BENCH_BATCH (1000)     rows per batch for both paths
 */
const N = Number(process.env.BENCH_RESULTS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);

async function fresh(): Promise<Database> {
  const db = await openDatabase({});
  const { definition } = syntheticElection(1, 'store');
  await db.prisma.election.create({ data: { id: 'store', name: 'store', definitionHash: 'x', definition: definition as any } });
  return db;
}

async function main(): Promise<void> {
  const { messages } = syntheticElection(N, 'store', 'store');
  const rows: Submission[] = messages.map(({ payload }) => {
    const envelope = v1.SignedEnvelope.decode(payload);
    const r = v1.PrecinctResult.decode(envelope.body);
    return {
      kind: 'result',
      electionId: 'store',
      precinctId: r.precinctId,
      deviceId: r.deviceId,
      sequence: r.sequence,
      payload: { votes: Object.fromEntries(r.votes.map((v) => [v.partyId!, v.votes!])), invalidBallots: r.invalidBallots, againstAll: 0, ballotsInBox: r.ballotsInBox, closedAtMs: 0 },
      bodyHash: sha256(envelope.body),
      envelope: payload,
    };
  });
  console.log(`bench:store — ${N} submissions, batches of ${BATCH}, PGlite in memory`);

  const orm = await fresh();
  let t = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    await orm.prisma.submission.createMany({
      data: rows.slice(i, i + BATCH).map((r) => ({ ...r, payload: r.payload as any, bodyHash: new Uint8Array(r.bodyHash), envelope: new Uint8Array(r.envelope) })),
      skipDuplicates: true,
    });
  }
  const ormRate = N / ((performance.now() - t) / 1000);
  await orm.close();

  const raw = await fresh();
  const store = new SubmissionStore(raw, tallyConfig({ mqttUrl: '', batchSize: BATCH, batchDelayMs: 1 }) as TallyConfig);
  t = performance.now();
  const outcomes = await Promise.all(rows.map((r) => store.save(r)));
  const rawRate = N / ((performance.now() - t) / 1000);
  const stored = await raw.prisma.submission.count();
  await raw.close();

  console.log(`Prisma createMany:                 ${ormRate.toFixed(0)} rows/s`);
  console.log(`batched raw SQL (SubmissionStore): ${rawRate.toFixed(0)} rows/s (${outcomes.filter((o) => o === 'inserted').length} inserted, ${stored} stored)`);
  console.log(`ratio raw / ORM:                   ${(rawRate / ormRate).toFixed(2)}×`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
