import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUplinkTopic, v1 } from '@shailoo/contracts';
import { transmit } from '@shailoo/modem';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { deviceUrl, freePort, registerOverHttp, startServerProcess, stopProcess } from './server-process';
import { getJson } from './stack';

jest.setTimeout(120_000);

/**
 * `shailoo-sim tally-server` with no store configured keeps it on disk in ./.shailoo/data: a result
 * it acknowledged is still there after a SIGKILL and a restart in the same directory.
 */
describe('the tally server is durable by default', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shailoo-durable-')));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still has an acknowledged result after SIGKILL and restart, with no environment', async () => {
    const env = { DATABASE_URL: '', PGLITE_DIR: '', MQTT_URL: '', MQTT_PORT: String(await freePort()) };
    const election = syntheticElection(3, 'durable', 'durable');
    let server = await startServerProcess(env, dir);
    expect(server.store).toBe(join(dir, '.shailoo', 'data'));
    const registered = await registerOverHttp(server.http, { definition: election.definition, devices: election.devices });
    expect(registered.status).toBe(201);
    // The embedded broker is secured: the device logs in with the password its registration returned.
    const [first] = election.messages;
    const firstUrl = deviceUrl(server.mqtt, registered.body.credentials, parseUplinkTopic(first.topic)!.deviceId);
    expect(firstUrl).not.toBe(server.mqtt);
    const delivery = await transmit(first.payload, election.definition.id, 'result', { brokerUrl: firstUrl, clock: new SystemClock() });
    expect(delivery.ack.status).toBe(v1.AckStatus.ACK_STATUS_ACCEPTED);

    // A second server on the same directory is refused while the first holds it.
    await expect(startServerProcess({ ...env, MQTT_PORT: String(await freePort()) }, dir)).rejects.toThrow(/is open in process/);

    expect(await stopProcess(server.child, 'SIGKILL')).toBeNull();
    server = await startServerProcess(env, dir);
    try {
      const r = await getJson(`${server.http}/api/elections/${election.definition.id}/results`);
      expect(r.precinctsReporting).toBe(1);
      const sent = election.messages[0];
      const precinct = await getJson(`${server.http}/api/elections/${election.definition.id}/precincts/${election.definition.territory.children![0].id}`);
      expect(precinct.boxResults).toHaveLength(1);
      expect(precinct.boxResults[0].ballotsInBox).toBe(v1.PrecinctResult.decode(v1.SignedEnvelope.decode(sent.payload).body).ballotsInBox);
    } finally {
      expect(await stopProcess(server.child)).toBe(0);
    }
  });
});
