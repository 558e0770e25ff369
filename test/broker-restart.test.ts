import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Topics, v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { freePort, stopProcess } from './server-process';
import { Burst, burst } from './burst';
import { eventually, expectAllStored, expectExactEverywhere, externalConfigured, externalStack, getJson, Stack, startGroup } from './stack';

jest.setTimeout(180_000);

// .ci/run installs Mosquitto and PostgreSQL (scripts/test-servers.sh); in CI this must run.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the Mosquitto restart test');

const PRECINCTS = 300;

/** A Mosquitto of the test's own, persisting its state (retained messages, sessions) in `dir`, as deploy/broker/mosquitto.conf does. */
function startMosquitto(dir: string, port: number): ChildProcess {
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      'autosave_interval 1',
      'max_queued_messages 200000',
    ].join('\n') + '\n',
  );
  chmodSync(conf, 0o644);
  return spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
}

const up = (url: string) =>
  eventually(
    () =>
      connectMqtt(url, { reconnectPeriod: 0 }).then(
        (c) => c.endAsync().then(() => true),
        () => false,
      ),
    10_000,
    'Mosquitto to listen',
  );

/** The retained aggregate of an election, as a reader who subscribes now gets it. */
async function retainedAggregate(url: string, electionId: string): Promise<v1.ElectionAggregate> {
  const reader = await connectMqtt(url, { clientId: uniqueClientId('restart-reader') });
  try {
    return await new Promise<v1.ElectionAggregate>((resolve, reject) => {
      reader.on('message', (_t, payload) => resolve(v1.ElectionAggregate.decode(payload)));
      void reader.subscribeAsync(Topics.aggregate(electionId), { qos: 1 });
      setTimeout(() => reject(new Error(`no retained aggregate of ${electionId} at the broker`)), 5000);
    });
  } finally {
    await reader.endAsync();
  }
}

/**
 * Mosquitto (with its persistence on) restarted in the middle of a close-of-polls burst, under two
 * tally servers sharing the uplink and one PostgreSQL: the servers reconnect and resubscribe on
 * their own, the stations resend until acknowledged, and both servers answer the exact totals.
 * The retained aggregates survive a restart on Mosquitto's disk, and a broker that lost them gets
 * them again from the leading server as soon as it reconnects.
 */
(externalConfigured ? describe : describe.skip)('Mosquitto restarted in the middle of a burst', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-mosquitto-'));
  chmodSync(dir, 0o777);
  let stack: Stack;
  let servers: TallyServerHandle[] = [];
  let mosquitto: ChildProcess | null = null;

  let stations: Burst | undefined;

  afterAll(async () => {
    await stations?.stop();
    for (const s of servers) await s.close();
    if (mosquitto) await stopProcess(mosquitto);
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two tally servers carry on after the broker comes back: every result acknowledged, exact totals on both', async () => {
    const port = await freePort();
    const url = `mqtt://127.0.0.1:${port}`;
    mosquitto = startMosquitto(dir, port);
    await up(url);
    stack = await externalStack();
    servers = await startGroup(stack, { mqttUrl: url });
    const election = syntheticElection(PRECINCTS, 'broker-restart', 'broker-restart');
    const id = election.definition.id;
    await servers[0].registry.register(election.definition, election.devices);
    for (const s of servers) await eventually(async () => (await fetch(`${s.httpUrl}/api/elections/${id}/results`)).ok, 10_000, 'the election everywhere');

    const uplink = { brokerUrl: url, clock: new SystemClock(), resendMs: 300, maxResendMs: 1500 };
    stations = burst(election.messages, id, uplink, 10);
    await eventually(
      async () => (await getJson(`${servers[0].httpUrl}/api/elections/${id}/results`)).precinctsReporting >= PRECINCTS / 5,
      60_000,
      'a fifth of the results',
    );
    // A retained aggregate is out; Mosquitto keeps it on disk across the restart.
    const before = await retainedAggregate(url, id);
    expect(before.precinctsReporting).toBeGreaterThan(0);
    expect(await stopProcess(mosquitto)).toBe(0);
    expect(readdirSync(dir)).toContain('mosquitto.db');
    await new Promise((r) => setTimeout(r, 2000));
    mosquitto = startMosquitto(dir, port);
    await up(url);

    const acks = await stations.done;
    expectAllStored(acks);
    await expectExactEverywhere(
      servers.map((s) => s.httpUrl),
      election,
    );
    const after = await eventually(
      async () => {
        const a = await retainedAggregate(url, id);
        return a.precinctsReporting === PRECINCTS ? a : null;
      },
      15_000,
      'the retained aggregate of every precinct',
    );
    expect(after.ballotsInBox).toBe(election.totals.ballotsInBox);

    // A broker that comes back without its state: the leading server publishes everything again.
    expect(await stopProcess(mosquitto)).toBe(0);
    rmSync(join(dir, 'mosquitto.db'));
    mosquitto = startMosquitto(dir, port);
    await up(url);
    expect((await retainedAggregate(url, id)).precinctsReporting).toBe(PRECINCTS);

    // And with no tally server left to republish, the restarted broker still has it, from its disk.
    for (const s of servers) await s.close();
    servers = [];
    expect(await stopProcess(mosquitto)).toBe(0);
    mosquitto = startMosquitto(dir, port);
    await up(url);
    expect((await retainedAggregate(url, id)).ballotsInBox).toBe(election.totals.ballotsInBox);
  });
});
