import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { deviceRegistrations, prepareCouncilDay } from '@shailoo/scenario';
import { deviceUrl, registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { externalConfigured, externalStack, getJson, Stack } from './stack';

jest.setTimeout(60_000);

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
        const brokerUrl = deviceUrl(server.mqtt, ok.body.credentials, box.identity.deviceId);
        const { ack } = await box.transmit(box.seal(count, Date.UTC(2021, 3, 11, 14)).envelope, { brokerUrl, clock: new SystemClock() });
        expect(ack.status).toBe(v1.AckStatus.ACK_STATUS_ACCEPTED);
        const before = await getJson(`${server.http}/api/elections/${day.definition.id}/results`);
        expect(before.precinctsReporting).toBe(1);
        expect((await getJson(`${server.http}/api/health`)).status).toBe('ok');
        const openapi = await getJson(`${server.http}/api/docs-json`);
        for (const path of [
          '/api/elections',
          '/api/elections/{id}/results',
          '/api/elections/{id}/precincts/{precinctId}',
          '/api/elections/{id}/seats',
          '/api/elections/{id}/quarantine',
          '/api/elections/{id}/export/nist-err',
        ]) {
          expect(Object.keys(openapi.paths)).toContain(path);
        }
        expect(await stopProcess(server.child)).toBe(0);

        server = await startServerProcess(env);
        const after = await getJson(`${server.http}/api/elections/${day.definition.id}/results`);
        expect(after.parties).toEqual(before.parties);
        expect(after.precinctsReporting).toBe(1);
        expect(await stopProcess(server.child)).toBe(0);
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
