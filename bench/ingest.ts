import { loadtestOptions, runLoadtest, summaryTable, verdict } from '@shailoo/loadtest';

/**
 * bench:ingest — `shailoo-sim loadtest` on the embedded stack with the benchmark's defaults: one
 * tool, one set of numbers (both baselines are measured in the same run).
 *   BENCH_RESULTS (100000)  stations, one signed box result each
 *   BENCH_PROFILE (unset)   a file for a CPU profile of the tally server during the run
 *   BENCH_READERS (0)       clients reading the results API during the burst
 * Against another server (Mosquitto + PostgreSQL, say): `shailoo-sim loadtest --broker … --register …`.
 */
async function main(): Promise<void> {
  const options = loadtestOptions({
    stations: Number(process.env.BENCH_RESULTS ?? 100_000),
    readers: Number(process.env.BENCH_READERS ?? 0),
    profile: process.env.BENCH_PROFILE,
  });
  const report = await runLoadtest(options, { log: (line) => console.error(line) });
  console.log(summaryTable(report));
  const problem = verdict(report);
  if (problem) {
    console.error(`bench:ingest: ${problem}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
