import { execFileSync, spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { LoadtestReport } from '@shailoo/loadtest';
import { processesNamed } from '@shailoo/platform';
import { performanceTable, PerformanceRun } from './performance-table';
import { startTallyProcess, TallyProcess } from './tally-process';

/**
 * bench:all — every speed figure of the project in one run, each beside its baseline measured in
 * the same run, printed as one table and written as JSON (BENCH_OUT, bench/results.json); the
 * README's Performance section is that table (`npm run bench:readme`).
 *   BENCH_STATIONS (100000)   stations of the load tests
 *   BENCH_STEPS (all)         some of: embedded,readers,mosquitto,live-page,identification,country
 *   BENCH_COUNTRY_LIMIT_S (360) a country's day still running after this is stopped and its end projected (the small day before it is not limited)
 * Each bench runs in a child process of its own (its memory, its CPU); the Mosquitto + PostgreSQL
 * step starts them as `scripts/test-servers.sh` does (or takes BENCH_MQTT_URL, BENCH_DATABASE_URL)
 * and a `tally-server` process on a fresh database.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'shailoo-sim.js');
const STATIONS = Number(process.env.BENCH_STATIONS ?? 100_000);
const STEPS = new Set((process.env.BENCH_STEPS ?? 'embedded,readers,mosquitto,live-page,identification,country').split(','));
const COUNTRY_LIMIT_S = Number(process.env.BENCH_COUNTRY_LIMIT_S ?? 360);
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'bench', 'results.json');
const WORK = join(ROOT, '.bench');
const TOKEN = 'bench-all-operator-token-0123456789abcdef';

const log = (line: string) => console.error(`bench:all: ${line}`);

/** Runs a child to its end, its output on our stderr; resolves its exit code. */
function run(args: string[], env: Record<string, string> = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.pipe(process.stderr);
    child.on('exit', resolve);
  });
}

const readJson = <T>(file: string): T | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null);

async function loadtest(name: string, extra: string[], env: Record<string, string> = {}): Promise<LoadtestReport | null> {
  const report = join(WORK, `${name}.json`);
  // An earlier run's report must never stand in for this one's.
  rmSync(report, { force: true });
  log(`${name}: loadtest --stations ${STATIONS} ${extra.join(' ')}`);
  await run([BIN, 'loadtest', '--stations', String(STATIONS), '--report', report, ...extra], env);
  return readJson<LoadtestReport>(report);
}

async function bench(name: string, script: string, env: Record<string, string> = {}): Promise<Record<string, any> | null> {
  const out = join(WORK, `${name}.json`);
  rmSync(out, { force: true });
  log(`${name}: ${script}`);
  await run([join(ROOT, 'dist', 'bench', script)], { ...env, BENCH_JSON: out });
  return readJson(out);
}

/** PostgreSQL and Mosquitto on loopback: BENCH_* when given, else started as the tests start them. */
function servers(): { mqttUrl: string; databaseUrl: string } {
  if (process.env.BENCH_MQTT_URL && process.env.BENCH_DATABASE_URL) return { mqttUrl: process.env.BENCH_MQTT_URL, databaseUrl: process.env.BENCH_DATABASE_URL };
  const printed = execFileSync('bash', [join(ROOT, 'scripts', 'test-servers.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const env = Object.fromEntries([...printed.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  return { mqttUrl: env.TEST_MQTT_URL, databaseUrl: env.TEST_DATABASE_URL };
}

async function onMosquittoAndPostgres(): Promise<LoadtestReport | null> {
  const { mqttUrl, databaseUrl } = servers();
  const name = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  let server: TallyProcess | null = null;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    server = await startTallyProcess({ MQTT_URL: mqttUrl, DATABASE_URL: url.toString(), PORT: '0', OPERATOR_TOKEN: TOKEN, HTTP_RATE_LIMIT: '0' });
    const [mosquitto] = processesNamed('mosquitto');
    // The raw-broker and verification baselines are the embedded run's: here the broker's CPU is the stations' alone.
    return await loadtest(
      'mosquitto',
      [
        '--broker',
        mqttUrl,
        '--register',
        server.http,
        '--no-baselines',
        '--server-pids',
        String(server.child.pid),
        ...(mosquitto ? ['--broker-pid', String(mosquitto)] : []),
      ],
      { OPERATOR_TOKEN: TOKEN },
    );
  } finally {
    if (server) {
      const { child } = server;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
    await admin.end();
  }
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const started = new Date();
  const figures: PerformanceRun['figures'] = {};
  if (STEPS.has('embedded')) figures.embedded = await loadtest('embedded', []);
  if (STEPS.has('readers')) figures.readers = await loadtest('readers', ['--readers', '200', '--no-baselines']);
  if (STEPS.has('mosquitto')) figures.mosquitto = await onMosquittoAndPostgres();
  if (STEPS.has('live-page')) figures.livePage = await bench('live-page', 'live-page.js');
  if (STEPS.has('identification')) figures.identification = await bench('identification', 'identification.js', { BENCH_IN_FLIGHT: '40' });
  if (STEPS.has('country')) figures.country = await bench('country', 'country.js', { BENCH_LIMIT_S: String(COUNTRY_LIMIT_S) });
  const result: PerformanceRun = {
    date: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
    commit: gitCommit(),
    stations: STATIONS,
    countryLimitS: COUNTRY_LIMIT_S,
    figures,
  };
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(performanceTable(result));
  log(`written to ${OUT}`);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
