import { bishkekTime } from '@shailoo/election';
import { loadScenario, runScenario } from '@shailoo/scenario-runner';

/**
 * bench:country — the whole country's election day at full speed on the embedded stack:
 * jogorku-kenesh-2021 (2,494 stations, every voter identified online through the identification
 * service, every station reporting). Prints the wall time, the identifications per second, the
 * peak RSS, and — as the baseline measured in the same run — the same figures for one city
 * council (kaiyndy-2021), so the country's rate can be read against a small day's.
 *   BENCH_SCENARIO (jogorku-kenesh-2021)   the scenario to time
 */
async function timed(name: string) {
  const started = Date.now();
  let next = started + 30_000;
  const { report } = await runScenario(loadScenario(name), {
    // A line every 30 s: the rate so far, should the run be stopped before the end.
    onProgress: (p) => {
      if (Date.now() < next) return;
      next = Date.now() + 30_000;
      const wall = (Date.now() - started) / 1000;
      console.log(
        `${name} ${wall.toFixed(0)} s: ${bishkekTime(p.virtualMs)}, ${p.identifications} identified (${Math.round(p.identifications / wall)}/s), ${p.reported}/${p.stations} reported, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
      );
    },
  });
  return {
    scenario: name,
    stations: report.precincts,
    reported: report.precinctsReported,
    identifications: report.messages.identification,
    wallSeconds: (Date.now() - started) / 1000,
    identificationsPerSecond: report.identificationsPerSecond,
    peakRssMb: report.peakRssMb,
    oracleOk: report.oracle.ok,
    eventLogSha256: report.eventLogSha256,
  };
}

async function main(): Promise<void> {
  const baseline = await timed('kaiyndy-2021');
  const country = await timed(process.env.BENCH_SCENARIO ?? 'jogorku-kenesh-2021');
  console.table([baseline, country]);
  console.log(
    `${country.scenario}: ${country.wallSeconds.toFixed(0)} s wall (goal ≤ 300 s), ${country.identificationsPerSecond} identifications/s ` +
      `(baseline ${baseline.scenario}: ${baseline.identificationsPerSecond}/s, ratio ${(country.identificationsPerSecond / Math.max(1, baseline.identificationsPerSecond)).toFixed(2)}), ` +
      `peak RSS ${country.peakRssMb} MB, oracle ${country.oracleOk ? 'ok' : 'FAILED'}`,
  );
  process.exit(country.oracleOk ? 0 : 1);
}

void main();
