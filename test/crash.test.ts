import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUplinkTopic } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { deviceUrl, freePort, registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { burst } from './burst';
import { eventually, externalConfigured, externalStack, getJson, restartAndExpectExact } from './stack';

jest.setTimeout(120_000);

const PRECINCTS = 300;

/**
 * SIGKILL the tally server in the middle of a burst of results, start it again on the same
 * store, let the stations resend: the final tally is exact, nothing lost, nothing counted twice.
 */
function describeCrash(name: string, makeEnv: () => Promise<{ env: Record<string, string>; brokerUrl?: string; cleanup(): Promise<void> }>) {
  it(`${name}: nothing lost and nothing counted twice after a SIGKILL mid-burst`, async () => {
    const { env, brokerUrl, cleanup } = await makeEnv();
    const election = syntheticElection(PRECINCTS, 'crash', 'crash');
    let child: ChildProcess | undefined;
    let stations: ReturnType<typeof burst> | undefined;
    try {
      const server = await startServerProcess(env);
      child = server.child;
      const registered = await registerOverHttp(server.http, { definition: election.definition, devices: election.devices });
      expect(registered.status).toBe(201);
      const results = () => getJson(`${server.http}/api/elections/${election.definition.id}/results`);
      const uplink = { clock: new SystemClock(), resendMs: 300, maxResendMs: 1500 };
      const urlOf = (topic: string) => deviceUrl(brokerUrl ?? server.mqtt, registered.body.credentials, parseUplinkTopic(topic)!.deviceId);
      // Stations close over three seconds, not all in one instant.
      stations = burst(election.messages, election.definition.id, { ...uplink, brokerUrl: urlOf }, 10);

      const before = await eventually(
        async () => {
          const r = await results();
          return r.precinctsReporting >= PRECINCTS / 10 ? r : null;
        },
        60_000,
        'a fifth of the results',
      );
      expect(await stopProcess(server.child, 'SIGKILL')).toBeNull();
      expect(before.precinctsReporting).toBeLessThan(PRECINCTS);

      await restartAndExpectExact(env, stations.done, election);
    } finally {
      await stations?.stop();
      if (child) await stopProcess(child, 'SIGKILL');
      await cleanup();
    }
  });
}

describe('crash and restart', () => {
  describeCrash('embedded broker and PGlite directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shailoo-crash-'));
    const port = await freePort();
    return { env: { PGLITE_DIR: dir, MQTT_URL: '', MQTT_PORT: String(port) }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  });

  if (externalConfigured) {
    describeCrash('Mosquitto and PostgreSQL', async () => {
      const stack = await externalStack();
      return { env: { MQTT_URL: stack.brokerUrl, DATABASE_URL: stack.databaseUrl! }, brokerUrl: stack.brokerUrl, cleanup: () => stack.close() };
    });
  }
});
