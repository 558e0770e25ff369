import { ChildProcess } from 'node:child_process';
import { get, IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUplinkTopic } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { openDatabase } from '@shailoo/persistence';
import { syntheticElection } from '@shailoo/scenario';
import { deviceUrl, freePort, registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { burst } from './burst';
import { eventually, externalConfigured, externalStack, getJson, restartAndExpectExact } from './stack';

jest.setTimeout(120_000);

const PRECINCTS = 300;
const LIVE_PAGES = 50;
/** Docker's grace before SIGKILL; Kubernetes gives 30 s. */
const GRACE_MS = 10_000;

interface LivePage {
  events: number;
  closed: Promise<void>;
}

/** One live page's event stream, from its own address (the server trusts X-Forwarded-For from loopback, as behind nginx). */
function openLivePage(http: string, electionId: string, n: number): Promise<LivePage> {
  return new Promise((resolve, reject) => {
    const headers = { 'X-Forwarded-For': `10.0.${n >> 8}.${n & 255}` };
    get(`${http}/api/elections/${electionId}/events`, { headers, agent: false }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) return reject(new Error(`event stream ${n}: HTTP ${res.statusCode}`));
      const page: LivePage = { events: 0, closed: new Promise((done) => res.once('close', done)) };
      res.on('data', (chunk: Buffer) => (page.events += chunk.toString().split('\n\n').length - 1));
      res.on('error', () => undefined);
      resolve(page);
    }).once('error', reject);
  });
}

/**
 * SIGTERM to the tally server in the middle of a burst, with 50 live pages watching: it exits 0
 * within Docker's grace, every stream is closed by the server, every result it acknowledged is in
 * the store, and on the next start the stations' resends complete the count exactly.
 */
function describeShutdown(
  name: string,
  makeEnv: () => Promise<{ env: Record<string, string>; brokerUrl?: string; storedKeys(): Promise<Set<string>>; cleanup(): Promise<void> }>,
) {
  it(`${name}: exits 0 in time mid-burst with ${LIVE_PAGES} live pages open, keeping every acknowledged result`, async () => {
    const { env, brokerUrl, storedKeys, cleanup } = await makeEnv();
    const election = syntheticElection(PRECINCTS, 'shutdown', 'shutdown');
    const id = election.definition.id;
    let child: ChildProcess | undefined;
    let stations: ReturnType<typeof burst> | undefined;
    try {
      const server = await startServerProcess(env);
      child = server.child;
      const registered = await registerOverHttp(server.http, { definition: election.definition, devices: election.devices });
      expect(registered.status).toBe(201);
      const pages = await Promise.all(Array.from({ length: LIVE_PAGES }, (_, n) => openLivePage(server.http, id, n)));
      const uplink = { clock: new SystemClock(), resendMs: 300, maxResendMs: 1500 };
      const urlOf = (topic: string) => deviceUrl(brokerUrl ?? server.mqtt, registered.body.credentials, parseUplinkTopic(topic)!.deviceId);
      let stoppedAt = Infinity;
      const ackedBeforeStop: string[] = [];
      stations = burst(election.messages, id, { ...uplink, brokerUrl: urlOf }, 10, ({ ack }) => {
        if (Date.now() < stoppedAt) ackedBeforeStop.push(`${ack.deviceId}#${ack.sequence}`);
      });
      await eventually(async () => (await getJson(`${server.http}/api/elections/${id}/results`)).precinctsReporting >= PRECINCTS / 10, 60_000, 'a tenth');

      const sent = Date.now();
      const code = await Promise.race([stopProcess(server.child, 'SIGTERM'), new Promise((r) => setTimeout(() => r('still running'), GRACE_MS))]);
      stoppedAt = Date.now();
      // What an orchestrator does after its grace (and this test must not hang either).
      if (code === 'still running') await stopProcess(server.child, 'SIGKILL');
      expect(code).toBe(0);
      expect(stoppedAt - sent).toBeLessThan(GRACE_MS);
      // Every page had seen the count move, and the server closed every stream itself.
      await Promise.all(pages.map((p) => p.closed));
      expect(pages.every((p) => p.events > 0)).toBe(true);

      const stored = await storedKeys();
      expect(ackedBeforeStop.length).toBeGreaterThan(0);
      expect(ackedBeforeStop.filter((k) => !stored.has(k))).toEqual([]);
      expect(stored.size).toBeLessThan(PRECINCTS);

      await restartAndExpectExact(env, stations.done, election);
    } finally {
      await stations?.stop();
      if (child) await stopProcess(child, 'SIGKILL');
      await cleanup();
    }
  });
}

/** The (device, sequence) of every stored submission. */
async function keysIn(store: { url?: string; dataDir?: string }): Promise<Set<string>> {
  const db = await openDatabase(store);
  try {
    const rows = await db.prisma.submission.findMany({ select: { deviceId: true, sequence: true } });
    return new Set(rows.map((r) => `${r.deviceId}#${r.sequence}`));
  } finally {
    await db.close();
  }
}

describe('graceful shutdown', () => {
  describeShutdown('embedded broker and PGlite directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-shutdown-'));
    const port = await freePort();
    return {
      env: { PGLITE_DIR: dir, MQTT_URL: '', MQTT_PORT: String(port) },
      storedKeys: () => keysIn({ dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });

  if (externalConfigured) {
    describeShutdown('Mosquitto and PostgreSQL', async () => {
      const stack = await externalStack();
      return {
        env: { MQTT_URL: stack.brokerUrl, DATABASE_URL: stack.databaseUrl! },
        brokerUrl: stack.brokerUrl,
        storedKeys: () => keysIn({ url: stack.databaseUrl }),
        cleanup: () => stack.close(),
      };
    });
  }
});
