// Another project's tests, in TypeScript: shailoo-sim is installed from its tarball, never imported by path.
import { spawn, ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { startStations, SimulatedStations } from 'shailoo-sim/testing';

jest.setTimeout(180_000);

/** The operator token "our" tally server accepts: registering an election is an operator's call. */
const OPERATOR_TOKEN = 'consumer-operator-token-0123456789';
// Its embedded broker is secured: the stations' devices log in with the passwords their registration
// returns, the simulated identification service with a service password derived from this secret.
const BROKER_SECRET = 'consumer-broker-secret-0123456789abcdef';

interface OurServer {
  child: ChildProcess;
  http: string;
  mqtt: string;
}

/** "Our" tally server, started from the installed package's command (memory store, free ports). */
async function startTallyServer(): Promise<OurServer> {
  const child = spawn(process.execPath, [require.resolve('shailoo-sim/bin/shailoo-sim.js'), 'tally-server'], {
    env: { ...process.env, PGLITE_DIR: 'memory://', PORT: '0', MQTT_PORT: '0', MQTT_URL: '', DATABASE_URL: '', OPERATOR_TOKEN, BROKER_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const event: { event?: string; http?: string; mqtt?: string } = line.startsWith('{') ? JSON.parse(line) : {};
    if (event.event === 'listening') return { child, http: event.http!, mqtt: event.mqtt! };
  }
  throw new Error('the tally server exited before listening');
}

describe('simulated stations in another project’s tests', () => {
  it('start, close the polls, and compare with the truth (embedded stack)', async () => {
    const stations: SimulatedStations = await startStations({ scenario: 'kaiyndy-2021', seed: 'consumer' });
    const report = await stations.closePolls();
    await stations.stop();

    expect(stations.stations).toBe(4);
    expect(report.precinctsReported).toBe(4);
    expect(report.oracle).toMatchObject({ ok: true, mismatches: [] });
    const [electionId] = Object.keys(stations.truth);
    // Kaiyndy's scenario counts exactly (no failed box, no slip of the hand): published = cast.
    expect(report.published[electionId].votes).toEqual(stations.truth[electionId].votes);
  });

  it('drives a tally server of our own over MQTT and HTTP, and its results equal the truth', async () => {
    const server = await startTallyServer();
    try {
      const stations = await startStations({
        scenario: 'kaiyndy-2021',
        seed: 'consumer',
        broker: server.mqtt,
        register: server.http,
        operatorToken: OPERATOR_TOKEN,
        brokerSecret: BROKER_SECRET,
      });
      await stations.closePolls();
      await stations.stop();
      const [electionId] = Object.keys(stations.truth);
      const results = (await (await fetch(`${server.http}/api/elections/${electionId}/results`)).json()) as {
        parties: { id: string; finalVotes: number }[];
        final: { ballotsInBox: number };
      };
      const finalVotes = Object.fromEntries(results.parties.map((p) => [p.id, p.finalVotes]));
      expect(finalVotes).toEqual(stations.truth[electionId].votes);
      expect(results.final.ballotsInBox).toBe(stations.truth[electionId].ballots);
    } finally {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
  });
});
