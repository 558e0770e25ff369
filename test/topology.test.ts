import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v1 } from '../libs/contracts/src';
import { SystemClock } from '../libs/platform/src/clock';
import { deviceRegistrations, prepareCouncilDay } from '../simulators/scenario/src/council-day';
import { externalConfigured, externalStack, getJson, Stack } from './stack';

jest.setTimeout(60_000);

/** `shailoo-sim tally-server` as its own process, configured only by environment, as in docker-compose. */
async function startServerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; http: string; mqtt: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'apps', 'cli', 'src', 'main.ts'), 'tally-server'], {
    env: { ...process.env, PORT: '0', MQTT_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{"event":"listening"'));
      if (line) {
        const { http, mqtt } = JSON.parse(line);
        resolve({ child, http, mqtt });
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`tally-server exited with ${code} before listening:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function registerOverHttp(http: string, body: unknown): Promise<any> {
  const res = await fetch(`${http}/api/elections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

function describeTopology(name: string, makeEnv: () => Promise<{ env: Record<string, string>; stack?: Stack; cleanup(): Promise<void> }>) {
  describe(name, () => {
    it('registers over HTTP, ingests a box’s result, and keeps it across a restart', async () => {
      const { env, cleanup } = await makeEnv();
      const day = prepareCouncilDay('Кайыңды', 'topology');
      try {
        let server = await startServerProcess(env);
        const bad = await registerOverHttp(server.http, { devices: [] });
        expect(bad.status).toBe(400);
        const ok = await registerOverHttp(server.http, { definition: day.definition, devices: deviceRegistrations(day) });
        expect(ok.status).toBe(201);
        expect(ok.body.definitionHash).toBe(day.hash);

        const { box, count } = day.boxes[0];
        const { ack } = await box.transmit(box.seal(count, Date.UTC(2021, 3, 11, 14)).envelope, { brokerUrl: server.mqtt, clock: new SystemClock() });
        expect(ack.status).toBe(v1.AckStatus.ACK_STATUS_ACCEPTED);
        const before = await getJson(`${server.http}/api/elections/${day.definition.id}/results`);
        expect(before.precinctsReporting).toBe(1);
        expect((await getJson(`${server.http}/api/health`)).status).toBe('ok');
        expect(await stop(server.child)).toBe(0);

        server = await startServerProcess(env);
        const after = await getJson(`${server.http}/api/elections/${day.definition.id}/results`);
        expect(after.parties).toEqual(before.parties);
        expect(after.precinctsReporting).toBe(1);
        expect(await stop(server.child)).toBe(0);
      } finally {
        await cleanup();
      }
    });
  });
}

describeTopology('tally-server process on its embedded broker and a PGlite directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-topology-'));
  return { env: { PGLITE_DIR: dir, MQTT_URL: '' }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

if (externalConfigured) {
  describeTopology('tally-server process on Mosquitto and PostgreSQL', async () => {
  const stack = await externalStack();
    return { env: { MQTT_URL: stack.brokerUrl, DATABASE_URL: stack.databaseUrl! }, stack, cleanup: () => stack.close() };
  });
}
