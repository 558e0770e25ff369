import { connect, createServer, Server, Socket } from 'node:net';
import { Client } from 'pg';
import { metricSamples, Topics, v1 } from '@shailoo/contracts';
import { SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { registerOverHttp } from './server-process';
import { Burst, burst } from './burst';
import { eventually, expectAllStored, expectExactEverywhere, externalConfigured, externalStack, getJson, Stack } from './stack';

jest.setTimeout(120_000);

// .ci/run starts Mosquitto and PostgreSQL; in CI this test must run.
if (!externalConfigured && process.env.CI) throw new Error('CI must set TEST_MQTT_URL and TEST_DATABASE_URL for the leader-cut test');

const PRECINCTS = 60;

/** A TCP relay that can go silent: after `cut()` nothing passes either way and nothing is closed (a partition, not a reset). */
class SilentCut {
  private readonly pairs = new Set<[Socket, Socket]>();
  private silent = false;
  private constructor(readonly server: Server) {}

  static async start(target: { host: string; port: number }): Promise<SilentCut> {
    const relay = new SilentCut(createServer());
    relay.server.on('connection', (client) => {
      const upstream = connect(target.port, target.host);
      const pair: [Socket, Socket] = [client, upstream];
      relay.pairs.add(pair);
      client.on('data', (d) => relay.silent || upstream.write(d));
      upstream.on('data', (d) => relay.silent || client.write(d));
      const end = () => {
        relay.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
    await new Promise<void>((r) => relay.server.listen(0, '127.0.0.1', r));
    return relay;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** The relay's own ports towards the target: how the database sees the relayed sessions. */
  upstreamPorts(): number[] {
    return [...this.pairs].map(([, upstream]) => upstream.localPort!).filter(Boolean);
  }

  cut(): void {
    this.silent = true;
  }

  close(): Promise<void> {
    for (const pair of this.pairs) pair.forEach((socket) => socket.destroy());
    return new Promise((r) => this.server.close(() => r()));
  }
}

const leading = async (s: TallyServerHandle) => metricSamples(await (await fetch(`${s.httpUrl}/metrics`)).text(), 'shailoo_leader')[0]?.value === 1;

/**
 * The leader (the instance publishing the retained aggregates) is cut off from PostgreSQL without
 * a TCP reset: it stops publishing within two seconds, by its own lease check; once the database
 * drops its session, the other instance takes over, and the retained aggregate ends exactly right.
 */
(externalConfigured ? describe : describe.skip)('a leader cut off from its database', () => {
  let stack: Stack;
  let relay: SilentCut;
  const stations: Burst[] = [];
  const servers: TallyServerHandle[] = [];
  afterAll(async () => {
    for (const s of stations) await s.stop();
    await relay?.close();
    for (const s of servers) await s.close();
    await stack?.close();
  });

  it('stops leading within 2 s, and the other instance takes over with the right retained aggregate', async () => {
    stack = await externalStack();
    const direct = new URL(stack.databaseUrl!);
    relay = await SilentCut.start({ host: direct.hostname, port: Number(direct.port) });
    const viaRelay = new URL(direct);
    viaRelay.port = String(relay.port);
    const sharedGroup = `tally-${relay.port}`;
    const cutOff = await stack.startServer({ databaseUrl: viaRelay.toString(), sharedGroup });
    servers.push(cutOff);
    await eventually(() => leading(cutOff), 10_000, 'the first instance to lead');
    const other = await stack.startServer({ sharedGroup });
    servers.push(other);
    expect(await leading(other)).toBe(false);

    const election = syntheticElection(PRECINCTS, 'leader-cut', 'leader-cut');
    const id = election.definition.id;
    expect((await registerOverHttp(other.httpUrl, { definition: election.definition, devices: election.devices })).status).toBe(201);
    await eventually(async () => (await fetch(`${cutOff.httpUrl}/api/elections/${id}/results`)).ok, 10_000, 'the election at both instances');
    const uplink = { brokerUrl: stack.brokerUrl, clock: new SystemClock(), resendMs: 500, maxResendMs: 2000 };
    const send = (messages: typeof election.messages) => {
      stations.push(burst(messages, id, uplink, 0));
      return stations[stations.length - 1].done;
    };
    expectAllStored(await send(election.messages.slice(0, PRECINCTS / 2)));

    relay.cut();
    const cutAt = Date.now();
    await eventually(async () => !(await leading(cutOff)), 10_000, 'the cut-off instance to stop leading');
    const stoppedAfter = Date.now() - cutAt;
    expect(stoppedAfter).toBeLessThan(3000);
    console.log(`leader-cut: stopped leading ${stoppedAfter} ms after the cut`);

    // The database drops the silent sessions (as its keepalives would); the other instance takes the lock.
    const admin = new Client({ connectionString: stack.databaseUrl });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY($1::int[])', [relay.upstreamPorts()]);
    await admin.end();
    await eventually(() => leading(other), 10_000, 'the other instance to lead');
    expect(await leading(cutOff)).toBe(false);

    // The rest of the day goes to whoever can store it; the retained aggregate is the new leader's, exact.
    expectAllStored(await send(election.messages.slice(PRECINCTS / 2)));
    await expectExactEverywhere([other.httpUrl], election);
    const reader = await connectMqtt(stack.brokerUrl, { clientId: uniqueClientId('leader-cut-reader') });
    try {
      const latest: { aggregate?: v1.ElectionAggregate } = {};
      reader.on('message', (_t, payload) => (latest.aggregate = v1.ElectionAggregate.decode(payload)));
      await reader.subscribeAsync(Topics.aggregate(id), { qos: 1 });
      const aggregate = await eventually(
        async () => (latest.aggregate?.precinctsReporting === PRECINCTS ? latest.aggregate : null),
        15_000,
        'the full retained aggregate',
      );
      const results = await getJson(`${other.httpUrl}/api/elections/${id}/results`);
      expect(Number(aggregate.ballotsInBox)).toBe(results.preliminary.ballotsInBox);
      expect(Object.fromEntries(aggregate.parties.map((p) => [p.partyId, Number(p.votes)]))).toEqual(results.preliminary.votes);
    } finally {
      await reader.endAsync();
    }
  });
});
