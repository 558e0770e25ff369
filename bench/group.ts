import { Client } from 'pg';
import { TallyApi, Topics, v1 } from '@shailoo/contracts';
import { syntheticElection } from '@shailoo/scenario';
import { processesCpuMs, processesNamed } from '@shailoo/platform';
import { LeanMqttClient } from '@shailoo/transport';
import { startTallyProcess, TallyProcess } from './tally-process';

/**
 * bench:group — what a group of tally servers spends per result as it grows (issue 24). On an
 * external Mosquitto and PostgreSQL (BENCH_MQTT_URL, BENCH_DATABASE_URL; else TEST_MQTT_URL and
 * TEST_DATABASE_URL as `scripts/test-servers.sh` prints them), for each size k in BENCH_SIZES
 * (1,2,4), two shapes of the group:
 *   - `all`: k instances that each ingest and follow every other's rows (TALLY_ROLE=all);
 *   - `split`: k ingest-only instances (TALLY_ROLE=ingest) and one aggregating instance.
 * Each receives the same burst — BENCH_RESULTS (6,000) signed results at BENCH_RATE (600) a
 * second from one publisher, on a fresh database; or with BENCH_RATE_PER_INSTANCE the same rate on
 * each ingesting instance — and is measured from the start of the burst until every instance that
 * serves reads answers all precincts with the exact totals: CPU of every server process (all
 * threads, from /proc), and of PostgreSQL's and Mosquitto's, in ms per result; and the group's
 * less what it spends idle (measured just before, as long as the burst lasts).
 * The baseline, measured in the same run, is `all` at size 1. Prints a JSON line per run.
 */
const SIZES = (process.env.BENCH_SIZES ?? '1,2,4').split(',').map(Number);
const RESULTS = Number(process.env.BENCH_RESULTS ?? 6000);
const RATE = Number(process.env.BENCH_RATE ?? 600);
/** When set, the rate grows with the group instead: this many results a second per ingesting instance (the same load on each). */
const RATE_PER_INSTANCE = process.env.BENCH_RATE_PER_INSTANCE ? Number(process.env.BENCH_RATE_PER_INSTANCE) : null;
const MQTT_URL = process.env.BENCH_MQTT_URL ?? process.env.TEST_MQTT_URL;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const TOKEN = 'bench-operator-token-0123456789abcdef';

type Role = 'all' | 'ingest' | 'aggregate';

interface Server extends TallyProcess {
  role: Role;
}

async function startServer(role: Role, databaseUrl: string, group: string): Promise<Server> {
  const server = await startTallyProcess({
    MQTT_URL: MQTT_URL!,
    DATABASE_URL: databaseUrl,
    MQTT_SHARED_GROUP: group,
    TALLY_ROLE: role,
    PORT: '0',
    OPERATOR_TOKEN: TOKEN,
  });
  return { role, ...server };
}

async function withDatabase<T>(name: string, use: (url: string) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  try {
    return await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Publishes every station's result at `rate` a second from one client; resolves when all are acknowledged as accepted. */
async function burst(messages: { topic: string; payload: Buffer }[], rate: number): Promise<number> {
  const client = LeanMqttClient.open(MQTT_URL!, { clientId: `bench-group-${process.pid}`, reconnectMs: -1 });
  await new Promise<void>((resolve) => client.on('connect', resolve));
  let accepted = 0;
  const started = Date.now();
  const all = new Promise<void>((resolve) =>
    client.on('message', (_topic, payload) => {
      if (v1.Ack.decode(payload).status === v1.AckStatus.ACK_STATUS_ACCEPTED && ++accepted === messages.length) resolve();
    }),
  );
  await client.subscribe(`${Topics.ack('+')}`);
  for (let i = 0; i < messages.length; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    void client.publish(messages[i].topic, messages[i].payload, 1);
  }
  await all;
  await client.close();
  return (Date.now() - started) / 1000;
}

async function run(shape: 'all' | 'split', size: number) {
  return withDatabase(`bench_group_${shape}_${size}`, async (databaseUrl) => {
    const group = `bench-${shape}-${size}-${process.pid}`;
    const roles: Role[] = shape === 'all' ? Array(size).fill('all') : [...Array(size).fill('ingest'), 'aggregate'];
    const servers: Server[] = [];
    try {
      for (const role of roles) servers.push(await startServer(role, databaseUrl, group));
      const election = syntheticElection(RESULTS, 'bench-group', `group-${shape}-${size}`);
      const id = election.definition.id;
      await new TallyApi(servers[0].http, TOKEN).register(election.definition, election.devices);
      const readers = servers.filter((s) => s.role !== 'ingest');
      const results = (s: Server) =>
        fetch(`${s.http}/api/elections/${id}/results`).then((r) =>
          r.ok ? (r.json() as Promise<{ precinctsReporting: number; preliminary: { ballotsInBox: number } }>) : null,
        );
      for (const s of servers) while (!(await fetch(`${s.http}/api/health/ready`)).ok) await new Promise((r) => setTimeout(r, 100));
      for (const s of readers) while (!(await results(s))) await new Promise((r) => setTimeout(r, 100));
      const pids = servers.map((s) => s.child.pid!);
      const [postgres, mosquitto] = [processesNamed('postgres'), processesNamed('mosquitto')];
      const rate = RATE_PER_INSTANCE ? RATE_PER_INSTANCE * size : RATE;
      // What the group spends doing nothing (polling, timers, keepalives), over as long as the burst lasts: told apart below.
      const idleFrom = processesCpuMs(pids);
      await new Promise((r) => setTimeout(r, (RESULTS / rate) * 1000));
      const idleMsPerS = (processesCpuMs(pids) - idleFrom) / (RESULTS / rate);
      const before = { servers: pids.map((p) => processesCpuMs([p])), postgres: processesCpuMs(postgres), mosquitto: processesCpuMs(mosquitto) };
      const started = Date.now();
      const acknowledgedAfter = await burst(election.messages, rate);
      for (const s of readers) {
        for (;;) {
          const r = (await results(s))!;
          if (r.precinctsReporting === RESULTS) {
            if (r.preliminary.ballotsInBox !== election.totals.ballotsInBox)
              throw new Error(`${s.http}: ${r.preliminary.ballotsInBox} ballots, expected ${election.totals.ballotsInBox}`);
            break;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      const allReadAfter = (Date.now() - started) / 1000;
      const perServer = pids.map((p, i) => (processesCpuMs([p]) - before.servers[i]) / RESULTS);
      return {
        shape,
        size,
        instances: roles.join('+'),
        results: RESULTS,
        rate,
        acknowledgedAfterS: acknowledgedAfter,
        allReadAfterS: allReadAfter,
        groupCpuMsPerResult: +perServer.reduce((a, b) => a + b, 0).toFixed(3),
        perInstanceCpuMsPerResult: perServer.map((v) => +v.toFixed(3)),
        idleCpuMsPerSecond: Math.round(idleMsPerS),
        groupCpuMsPerResultLessIdle: +(perServer.reduce((a, b) => a + b, 0) - (idleMsPerS * allReadAfter) / RESULTS).toFixed(3),
        postgresCpuMsPerResult: +((processesCpuMs(postgres) - before.postgres) / RESULTS).toFixed(3),
        mosquittoCpuMsPerResult: +((processesCpuMs(mosquitto) - before.mosquitto) / RESULTS).toFixed(3),
      };
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    }
  });
}

async function main(): Promise<void> {
  if (!MQTT_URL || !DATABASE_URL) throw new Error('bench:group needs BENCH_MQTT_URL and BENCH_DATABASE_URL (or TEST_*: `bash scripts/test-servers.sh`)');
  const shapes = (process.env.BENCH_SHAPES ?? 'all,split').split(',') as ('all' | 'split')[];
  let baseline: number | null = null;
  for (const shape of shapes)
    for (const size of SIZES) {
      const r = await run(shape, size);
      baseline ??= r.groupCpuMsPerResult;
      console.log(JSON.stringify({ ...r, vsBaseline: +(r.groupCpuMsPerResult / baseline).toFixed(2) }));
    }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
