import { fork } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTallyServer, tallyConfig } from '@shailoo/tally-server';
import { TallyMetrics } from '@shailoo/tally-server';
import { EmbeddedBroker } from '@shailoo/transport';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { Topics } from '@shailoo/contracts';
import { syntheticElection } from '@shailoo/scenario';
import { writeMessages } from './message-file';

/**
 * bench:ingest — N ballot boxes' signed results through the embedded stack, against the raw
 * broker throughput of the same messages to a plain subscriber in the same run.
 *   BENCH_RESULTS (100000)  results, one box per precinct
 *   BENCH_CONNECTIONS (50)  publisher connections (in a child process)
 *   BENCH_WINDOW (20)       unacknowledged publishes per connection
 *   BENCH_PROFILE (unset)   a file to write a CPU profile of the server during the ingest run
 */
const N = Number(process.env.BENCH_RESULTS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 20);
function publish(url: string, file: string): Promise<{ startedAt: number; publishMs: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'publisher.js'), [url, file, String(CONNECTIONS), String(WINDOW)]);
    let startedAt = 0;
    child.on('message', (m: any) => {
      if (m.event === 'start') startedAt = performance.now();
      if (m.event === 'published') resolve({ startedAt, publishMs: m.ms });
    });
    child.on('error', reject);
    child.on('exit', (code) => code && reject(new Error(`publisher exited with ${code}`)));
  });
}

async function waitFor(done: () => Promise<boolean> | boolean, everyMs = 5): Promise<number> {
  while (!(await done())) await new Promise((r) => setTimeout(r, everyMs));
  return performance.now();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-bench-'));
  const broker = await EmbeddedBroker.start(0);
  // The store the server measured is the one it defaults to: PGlite on disk (or BENCH_DATABASE_URL).
  const store = process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : { dataDir: join(dir, 'data') };
  console.log(
    `bench:ingest — ${N} results, ${CONNECTIONS} publisher connections × ${WINDOW} in flight, embedded aedes; store: ${store.dataDir ? `PGlite on disk at ${store.dataDir}` : 'PostgreSQL (BENCH_DATABASE_URL)'}`,
  );
  const { definition, devices, messages } = syntheticElection(N, 'bench', 'bench');
  const file = join(dir, 'messages.bin');
  writeMessages(file, messages);
  const bytes = messages.reduce((s, m) => s + m.payload.length, 0);
  console.log(`prepared ${N} signed results, ${Math.round(bytes / N)} B each`);

  // Baseline: the same messages to a plain mqtt.js subscriber in this process, as the server's is.
  const subscriber = await connectMqtt(broker.url, { clientId: uniqueClientId('bench-baseline') });
  let received = 0;
  subscriber.on('message', () => received++);
  await subscriber.subscribeAsync(Topics.uplinkFilter, { qos: 1 });
  const raw = await publish(broker.url, file);
  const rawEnd = await waitFor(() => received >= N);
  await subscriber.endAsync();
  const rawRate = N / ((rawEnd - raw.startedAt) / 1000);

  const server = await startTallyServer(tallyConfig({ mqttUrl: broker.url, port: 0, ...store }));
  await server.registry.register(definition, devices);
  const metrics = server.app.get(TallyMetrics);
  const stored = async () => (await metrics.ingested.get()).values.reduce((sum, v) => sum + v.value, 0);
  const profiler = process.env.BENCH_PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const run = await publish(broker.url, file);
  const storedEnd = await waitFor(async () => (await stored()) >= N);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    console.log(`CPU profile of the ingest run written to ${process.env.BENCH_PROFILE}`);
  }
  const visibleEnd = await waitFor(async () => {
    const r = (await (await fetch(`${server.httpUrl}/api/elections/${definition.id}/results`)).json()) as { precinctsReporting: number };
    return r.precinctsReporting >= N;
  }, 50);
  const rows = await server.submissions.count();
  const storedSeconds = (storedEnd - run.startedAt) / 1000;
  const storedRate = N / storedSeconds;
  const histogram = await metrics.latency.get();
  const count = histogram.values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
  const sum = histogram.values.find((v) => v.metricName?.endsWith('_sum'))?.value ?? 0;

  console.log('');
  console.log(`raw broker throughput (plain subscriber):   ${rawRate.toFixed(0)} msg/s   (${((rawEnd - raw.startedAt) / 1000).toFixed(2)} s)`);
  console.log(`results durably stored (verify+store+agg):  ${storedRate.toFixed(0)} results/s (${storedSeconds.toFixed(2)} s)`);
  console.log(`ratio stored / raw:                         ${((storedRate / rawRate) * 100).toFixed(1)}%`);
  console.log(`last result visible on the API after:       ${((visibleEnd - run.startedAt) / 1000).toFixed(2)} s`);
  console.log(`mean receipt→commit latency:                ${((sum / Math.max(1, count)) * 1000).toFixed(1)} ms over ${count} results`);
  console.log(`rows in submission:                         ${rows} (expected ${N})`);
  await server.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
  if (rows !== N) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
