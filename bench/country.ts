import { bishkekTime } from '@shailoo/election';
import { loadScenario, runScenario } from '@shailoo/scenario-runner';
import { benchJson } from './bench-json';

/**
 * bench:country — the whole country's election day at full speed on the embedded stack:
 * jogorku-kenesh-2021 (2,494 stations, every voter identified online through the identification
 * service, every station reporting). Prints the wall time, the identifications per second, the
 * peak RSS, and — as the baseline measured in the same run — the same figures for one city
 * council (kaiyndy-2021), so the country's rate can be read against a small day's.
 *   BENCH_SCENARIO (jogorku-kenesh-2021)   the scenario to time
 *   BENCH_LIMIT_S (unset)                  stop the timed day after this many seconds (its figures so far kept)
 * With BENCH_JSON, the figures so far are written there every 10 s and when the day is stopped
 * (`bench:all` projects the rest of a day that has passed its goal from them), and at the end.
 */
type Figures = Record<string, unknown>;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BISHKEK_MS = 6 * HOUR_MS;
let written: Figures = {};

async function timed(name: string, limitS?: number) {
  const started = Date.now();
  let next = started + 30_000;
  let nextJson = started + 10_000;
  let peakRss = 0;
  let fromVirtualMs: number | null = null;
  const { report } = await runScenario(loadScenario(name), {
    // A line every 30 s: the rate so far, should the run be stopped before the end.
    onProgress: (p) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      fromVirtualMs ??= p.virtualMs;
      const over = limitS !== undefined && Date.now() - started > limitS * 1000;
      if (Date.now() >= nextJson || over) {
        nextJson = Date.now() + 10_000;
        const wallSeconds = (Date.now() - started) / 1000;
        // The share of the day played so far: from the first virtual time seen to the close of polls (20:00 in Bishkek, UTC+6, that day).
        const closes = Math.floor((fromVirtualMs + BISHKEK_MS) / DAY_MS) * DAY_MS + 20 * HOUR_MS - BISHKEK_MS;
        const dayShare = Math.min(1, (p.virtualMs - fromVirtualMs) / Math.max(1, closes - fromVirtualMs));
        benchJson({ ...written, [name]: { scenario: name, finished: false, wallSeconds, ...p, dayShare, peakRssMb: Math.round(peakRss / 1e6) } });
        if (over) {
          console.log(`${name}: stopped after ${limitS} s (BENCH_LIMIT_S), ${Math.round(dayShare * 100)}% of the day played`);
          process.exit(3);
        }
      }
      if (Date.now() < next) return;
      next = Date.now() + 30_000;
      const wall = (Date.now() - started) / 1000;
      console.log(
        `${name} ${wall.toFixed(0)} s: ${bishkekTime(p.virtualMs)}, ${p.identifications} identified (${Math.round(p.identifications / wall)}/s), ${p.reported}/${p.stations} reported, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
      );
    },
  });
  const figures = {
    scenario: name,
    finished: true,
    stations: report.precincts,
    reported: report.precinctsReported,
    identifications: report.messages.identification,
    wallSeconds: (Date.now() - started) / 1000,
    identificationsPerSecond: report.identificationsPerSecond,
    peakRssMb: report.peakRssMb,
    oracleOk: report.oracle.ok,
    eventLogSha256: report.eventLogSha256,
  };
  written = { ...written, [name]: figures };
  benchJson(written);
  return figures;
}

async function main(): Promise<void> {
  const baseline = await timed('kaiyndy-2021');
  const country = await timed(process.env.BENCH_SCENARIO ?? 'jogorku-kenesh-2021', process.env.BENCH_LIMIT_S ? Number(process.env.BENCH_LIMIT_S) : undefined);
  console.table([baseline, country]);
  console.log(
    `${country.scenario}: ${country.wallSeconds.toFixed(0)} s wall (goal ≤ 300 s), ${country.identificationsPerSecond} identifications/s ` +
      `(baseline ${baseline.scenario}: ${baseline.identificationsPerSecond}/s, ratio ${(country.identificationsPerSecond / Math.max(1, baseline.identificationsPerSecond)).toFixed(2)}), ` +
      `peak RSS ${country.peakRssMb} MB, oracle ${country.oracleOk ? 'ok' : 'FAILED'}`,
  );
  process.exit(country.oracleOk ? 0 : 1);
}

void main();
