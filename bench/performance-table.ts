import type { LoadtestReport } from '@shailoo/loadtest';

/** What `bench:all` writes: each bench's figures as it reported them, and where they were measured. */
export interface PerformanceRun {
  date: string;
  seconds: number;
  machine: string;
  commit: string | null;
  stations: number;
  countryLimitS: number;
  figures: {
    embedded?: LoadtestReport | null;
    readers?: LoadtestReport | null;
    mosquitto?: LoadtestReport | null;
    livePage?: Record<string, any> | null;
    identification?: Record<string, any> | null;
    country?: Record<string, any> | null;
  };
}

/** One line of the table: the figure, its baseline from the same run, their ratio, and the goal it is held to. */
export interface PerformanceRow {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean | null;
}

const n = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const msOf = (x: number) => `${n(x, 3)} ms`;
const times = (x: number) => `${n(x, 2)}×`;

/** Ed25519 verification alone, per result, in ms of CPU: the ceiling's threads over its rate. */
function verifyMs(r: LoadtestReport | null | undefined): number | null {
  const b = r?.baseline;
  return b?.verificationCeilingPerSec && b.verificationThreads ? (b.verificationThreads * 1000) / b.verificationCeilingPerSec : null;
}

export function performanceRows(run: PerformanceRun): PerformanceRow[] {
  const { embedded, readers, mosquitto, livePage, identification, country } = run.figures;
  const rows: PerformanceRow[] = [];
  const verify = verifyMs(embedded);
  const missing = (figure: string, goal: string) => rows.push({ figure, measured: 'not measured', baseline: '—', ratio: '—', goal, met: null });
  // The 100,000-station goals, in proportion for another number of stations.
  const scale = run.stations / 100_000;
  const scaled = (s: number) => `≤ ${n(s * scale, 1)} s${scale === 1 ? '' : ` (${n(s)} s for 100,000, in proportion)`}`;

  const serverPerVerify = (r: LoadtestReport | null | undefined, figure: string) => {
    const server = r?.cpuMsPerResult.server;
    if (server == null || verify === null) return missing(figure, '≤ 2×');
    rows.push({
      figure,
      measured: msOf(server),
      baseline: `Ed25519 verify alone ${msOf(verify)} (${n(embedded!.baseline.verificationCeilingPerSec!)}/s on ${embedded!.baseline.verificationThreads} threads)`,
      ratio: times(server / verify),
      goal: '≤ 2×',
      met: server / verify <= 2,
    });
  };
  serverPerVerify(embedded, 'tally server CPU per accepted result, all threads (embedded: aedes, PGlite)');
  serverPerVerify(mosquitto, 'tally server CPU per accepted result, all threads (Mosquitto + PostgreSQL)');

  const aedes = embedded?.cpuMsPerResult.broker;
  const mosq = mosquitto?.cpuMsPerResult.broker;
  if (aedes == null || mosq == null) missing('embedded aedes CPU per dialed result', '≤ 1.5× Mosquitto');
  else
    rows.push({
      figure: 'embedded aedes CPU per dialed result',
      measured: msOf(aedes),
      baseline: `Mosquitto on the same stations ${msOf(mosq)}`,
      ratio: times(aedes / mosq),
      goal: '≤ 1.5×',
      met: aedes / mosq <= 1.5,
    });

  if (!embedded) missing('station side CPU per dialed result', '≤ 0.250 ms');
  else
    rows.push({
      figure: 'station side CPU per dialed result',
      measured: msOf(embedded.cpuMsPerResult.stations),
      baseline: verify === null ? '—' : `Ed25519 verify ${msOf(verify)}`,
      ratio: verify === null ? '—' : times(embedded.cpuMsPerResult.stations / verify),
      goal: '≤ 0.250 ms',
      met: embedded.cpuMsPerResult.stations <= 0.25,
    });

  const published = (r: LoadtestReport | null | undefined, figure: string, goalS: number) => {
    const ceiling = embedded?.baseline.verificationCeilingPerSec;
    if (!r || r.allPublishedSeconds === null || !ceiling) return missing(figure, scaled(goalS));
    const atCeiling = run.stations / ceiling;
    rows.push({
      figure,
      measured: `${n(r.allPublishedSeconds, 1)} s (${n(r.throughputPerSec)}/s; lost ${r.lost}, double-counted ${r.doubleCounted})`,
      baseline: `at the verification ceiling ${n(atCeiling, 1)} s`,
      ratio: times(r.allPublishedSeconds / atCeiling),
      goal: scaled(goalS),
      met: r.allPublishedSeconds <= goalS * scale && !r.lost && !r.doubleCounted,
    });
  };
  published(embedded, `${n(run.stations)} stations dialing at once, embedded: all published after the close`, 40);
  published(mosquitto, `the same on Mosquitto + PostgreSQL`, 20);

  if (!readers?.readers || !embedded) missing('results API, 200 readers each 1/s during the burst', 'p99 ≤ 100 ms, ingest ≥ 90%');
  else {
    const p99 = readers.readers.latencyMs.p99;
    const kept = readers.throughputPerSec / embedded.throughputPerSec;
    rows.push({
      figure: 'results API, 200 readers each 1/s during the burst',
      measured: `p99 ${n(p99)} ms, max ${n(readers.readers.latencyMs.max)} ms; ingest ${n(readers.throughputPerSec)}/s; ${readers.readers.errors} errors`,
      baseline: `the same burst without readers ${n(embedded.throughputPerSec)}/s`,
      ratio: `ingest ${n(kept * 100)}%`,
      goal: 'p99 ≤ 100 ms, ingest ≥ 90%',
      met: p99 <= 100 && kept >= 0.9 && readers.readers.errors === 0,
    });
  }

  // A page that showed nothing has no quantiles: not measured, never met.
  if (typeof livePage?.load?.p99 !== 'number' || typeof livePage?.baseline?.p99 !== 'number')
    missing('live page, stored → shown at 1,000 results/s', 'p99 ≤ 500 ms');
  else
    rows.push({
      figure: 'live page, stored → shown at 1,000 results/s',
      measured: `p99 ${n(livePage.load.p99)} ms (max ${n(livePage.load.max)}); page ready on 2,494 precincts ${n(livePage.readyMedianMs)} ms`,
      baseline: `at 100 results/s: p99 ${n(livePage.baseline.p99)} ms`,
      ratio: times(livePage.load.p99 / Math.max(1, livePage.baseline.p99)),
      goal: 'p99 ≤ 500 ms',
      met: livePage.load.p99 <= 500,
    });

  if (!identification) missing('identification service, first identifications', '≥ 6,000/s');
  else
    rows.push({
      figure: 'identification service, first identifications',
      measured: `${n(identification.perSecond)}/s (${n(identification.requests)} from ${identification.devices} devices, ${identification.inFlight} in flight each)`,
      baseline: '—',
      ratio: '—',
      goal: '≥ 6,000/s',
      met: identification.perSecond >= 6000 && identification.identified === identification.stored,
    });

  const day = country?.['jogorku-kenesh-2021'];
  const small = country?.['kaiyndy-2021'];
  if (!day) missing("a whole country's day (jogorku-kenesh-2021) at max speed", '≤ 300 s');
  else {
    const wall = day.finished ? day.wallSeconds : day.wallSeconds / Math.max(1e-6, day.dayShare);
    const rate = day.finished ? day.identificationsPerSecond : day.identifications / day.wallSeconds;
    rows.push({
      figure: "a whole country's day (jogorku-kenesh-2021, 2,494 stations) at max speed",
      measured: day.finished
        ? `${n(wall)} s; ${n(rate)} identifications/s; oracle ${day.oracleOk ? 'ok' : 'FAILED'}`
        : `stopped after ${n(day.wallSeconds)} s at ${n(day.dayShare * 100)}% of the day (${n(day.identifications)} identified, ${n(rate)}/s): ≈ ${n(wall)} s projected`,
      baseline: small ? `one city council's day (kaiyndy-2021): ${n(small.wallSeconds, 1)} s, ${n(small.identificationsPerSecond)}/s` : '—',
      ratio: small ? `${times(rate / Math.max(1, small.identificationsPerSecond))} its rate` : '—',
      goal: '≤ 300 s',
      met: day.finished ? wall <= 300 && day.oracleOk : false,
    });
    rows.push({
      figure: "the country's day: peak RSS",
      measured: `${n(day.peakRssMb)} MB${day.finished ? '' : ' (when stopped)'}`,
      baseline: small ? `kaiyndy-2021 ${n(small.peakRssMb)} MB` : '—',
      ratio: small ? times(day.peakRssMb / Math.max(1, small.peakRssMb)) : '—',
      goal: '≤ 3,000 MB',
      // A day stopped early may still grow: only its excess is a verdict.
      met: day.peakRssMb > 3000 ? false : day.finished ? true : null,
    });
  }
  return rows;
}

const mark = (met: boolean | null) => (met === null ? '?' : met ? 'met' : 'NOT met');

/** The table as Markdown (the README's, and what `bench:all` prints). */
export function performanceTable(run: PerformanceRun): string {
  const rows = performanceRows(run);
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| figure | measured | baseline, same run | ratio | goal | |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.figure, r.measured, r.baseline, r.ratio, r.goal, mark(r.met)].map(escape).join(' | ')} |`),
  ].join('\n');
}
