import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MAX_SEQUENCE, parseUplinkTopic, signPrecinctResult, TallyApi, Topics, v1 } from '@shailoo/contracts';
import { DeviceKey, processCpuMs, Random } from '@shailoo/platform';
import { syntheticCount, syntheticElection } from '@shailoo/scenario';
import { connectMqtt, devicePassword, LeanMqttClient, withCredentials } from '@shailoo/transport';

/**
 * bench:rogue — what one rogue client or device costs a `tally-server` (issue 29), each figure
 * beside its baseline from the same run:
 *   - a burst of BENCH_RESULTS (500) results acknowledged with no event stream open, then with
 *     BENCH_STREAMS (1,000) open from 50 loopback addresses (the server keeps at most 20 per address
 *     and 1,000 in all) and as many more asked for, refused;
 *   - the same burst while one device signs results with a sequence beyond the store's column;
 *   - the server's memory before and after 12 devices publish 60 KB at QoS 2 (or retained) for 10 s.
 * Prints a JSON line per figure.
 */
const RESULTS = Number(process.env.BENCH_RESULTS ?? 500);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const TOKEN = 'bench-operator-token-0123456789abcdef';
const SECRET = 'bench-broker-secret-0123456789abcdef0123';

interface Server {
  pid: number;
  http: string;
  mqtt: string;
  stop(): void;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'shailoo-sim.js'), 'tally-server'], {
    env: { ...process.env, PGLITE_DIR: 'memory://', PORT: '0', MQTT_PORT: '0', MQTT_URL: '', DATABASE_URL: '', OPERATOR_TOKEN: TOKEN, BROKER_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const event = line.startsWith('{') ? JSON.parse(line) : {};
    if (event.event === 'listening') return { pid: child.pid!, http: event.http, mqtt: event.mqtt, stop: () => child.kill('SIGKILL') };
  }
  throw new Error('the tally server exited before listening');
}

/** CPU time (ms, all threads) and resident memory (MB) of a process, from /proc. */
function usage(pid: number): { cpuMs: number; rssMb: number } {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return { cpuMs: processCpuMs(pid)!, rssMb: Math.round(rss / 1024) };
}

/** Registers a synthetic election of `n` precincts; its stations' signed results. */
async function register(server: Server, n: number, id: string) {
  const election = syntheticElection(n, 'bench-rogue', id);
  await new TallyApi(server.http, TOKEN).register(election.definition, election.devices);
  return election;
}

async function device(server: Server, deviceId: string): Promise<LeanMqttClient> {
  const client = LeanMqttClient.open(withCredentials(server.mqtt, deviceId, devicePassword(SECRET, deviceId)), {
    clientId: `${deviceId}-bench`,
    reconnectMs: -1,
  });
  await new Promise<void>((resolve) => client.on('connect', resolve));
  return client;
}

/** Sends every station's result at once; resolves with how many were acknowledged within `ms`, and when the last came. */
async function burst(server: Server, election: Awaited<ReturnType<typeof register>>, ms = 60_000): Promise<{ acknowledged: number; seconds: number }> {
  const clients = await Promise.all(election.messages.map((m) => device(server, parseUplinkTopic(m.topic)!.deviceId)));
  let acknowledged = 0;
  let last = 0;
  const started = Date.now();
  const all = new Promise<void>((resolve) => {
    clients.forEach((c, i) => {
      const deviceId = parseUplinkTopic(election.messages[i].topic)!.deviceId;
      c.on('message', (_topic, payload) => {
        if (v1.Ack.decode(payload).status !== v1.AckStatus.ACK_STATUS_ACCEPTED) return;
        last = Date.now();
        if (++acknowledged === clients.length) resolve();
      });
      void c.subscribe(Topics.ack(deviceId));
    });
  });
  await new Promise((r) => setTimeout(r, 200));
  clients.forEach((c, i) => void c.publish(election.messages[i].topic, election.messages[i].payload, 1));
  await Promise.race([all, new Promise((r) => setTimeout(r, ms))]);
  await Promise.all(clients.map((c) => c.close()));
  return { acknowledged, seconds: ((last || Date.now()) - started) / 1000 };
}

/** Opens `n` event streams spread over loopback addresses, 20 each; how many the server took. */
async function openStreams(server: Server, electionId: string, n: number): Promise<{ open: number; refused: number; close(): void }> {
  const url = `${server.http}/api/elections/${electionId}/events`;
  const answers = await Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<{ status: number; close(): void }>((resolve) => {
          const req = get(url, { agent: false, localAddress: `127.0.${1 + Math.floor(i / 20 / 250)}.${1 + (Math.floor(i / 20) % 250)}` }, (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
          });
          req.on('error', () => resolve({ status: 0, close: () => undefined }));
        }),
    ),
  );
  return {
    open: answers.filter((a) => a.status === 200).length,
    refused: answers.filter((a) => a.status === 429).length,
    close: () => answers.forEach((a) => a.close()),
  };
}

async function measure<T>(server: Server, what: string, run: () => Promise<T>): Promise<T> {
  const before = usage(server.pid);
  const result = await run();
  const after = usage(server.pid);
  console.log(JSON.stringify({ what, ...result, serverCpuMs: Math.round(after.cpuMs - before.cpuMs), rssMb: [before.rssMb, after.rssMb] }));
  return result;
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const quiet = await register(server, RESULTS, 'bench-quiet');
    await measure(server, 'baseline: burst, no event stream', () => burst(server, quiet));
    const busy = await register(server, RESULTS, 'bench-streams');
    const streams = await openStreams(server, busy.definition.id, STREAMS * 2);
    await measure(server, `burst with ${streams.open} event streams open (${streams.refused} refused)`, () => burst(server, busy));
    streams.close();

    const poisoned = await register(server, RESULTS, 'bench-poison');
    const rogueId = parseUplinkTopic(poisoned.messages[0].topic)!.deviceId;
    const rogue = await device(server, rogueId);
    const key = DeviceKey.fromSeed(Random.stream('bench-rogue', 'key/0').bytes(32));
    const poison = (sequence: number) =>
      signPrecinctResult(
        {
          electionId: poisoned.definition.id,
          definitionHash: Buffer.from(poisoned.hash, 'hex'),
          precinctId: `${poisoned.definition.id}-p0`,
          deviceId: rogueId,
          sequence,
          ...syntheticCount('bench-rogue', 0),
          closedAtMs: Date.UTC(2021, 3, 11, 14),
        },
        key,
      );
    const flood = setInterval(() => void rogue.publish(poisoned.messages[0].topic, poison(MAX_SEQUENCE + 1), 1).catch(() => undefined), 50);
    await measure(server, 'burst while one device signs sequences beyond 2^31-1', () =>
      burst(server, { ...poisoned, messages: poisoned.messages.slice(1) }, 30_000),
    );
    clearInterval(flood);
    await rogue.close().catch(() => undefined);

    const leaky = await register(server, 12, 'bench-qos2');
    await measure(server, '12 devices publishing 60 KB at QoS 2 and retained for 10 s', async () => {
      let closed = 0;
      const deadline = Date.now() + 10_000;
      await Promise.all(
        leaky.messages.map(async (m, i) => {
          const deviceId = parseUplinkTopic(m.topic)!.deviceId;
          while (Date.now() < deadline) {
            const client = await connectMqtt(withCredentials(server.mqtt, deviceId, devicePassword(SECRET, deviceId)), { reconnectPeriod: 0 });
            const gone = new Promise<void>((resolve) => client.once('close', () => resolve()));
            const retained = i % 2 === 0;
            const topic = retained ? `shailoo/v1/id/${leaky.definition.id}/${deviceId}/request` : m.topic;
            client.publish(topic, Buffer.alloc(60_000, i), retained ? { qos: 1, retain: true } : { qos: 2 });
            if (await Promise.race([gone.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1000))])) closed++;
            await client.endAsync(true);
            await new Promise((r) => setTimeout(r, 55));
          }
        }),
      );
      return { connectionsClosedByBroker: closed };
    });
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
