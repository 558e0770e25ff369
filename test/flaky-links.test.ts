import { v1 } from '@shailoo/contracts';
import { Delivery, LINK_PROFILES, LinkModel, LinkProxy, Modem } from '@shailoo/modem';
import { AcceleratedClock, Random } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import {
  embeddedStack,
  eventually,
  expectAllStored,
  expectExactEverywhere,
  externalConfigured,
  externalStack,
  ingestedCount,
  Stack,
  startGroup,
} from './stack';

jest.setTimeout(180_000);

const PRECINCTS = 150;
/** Virtual time runs 60 times faster: the 10-minute outage lasts 10 s. */
const SPEED = 60;
const MINUTE = 60_000;

/**
 * Every station reaches the broker through a userspace TCP proxy that applies the link model at the
 * socket: 2G latency and bandwidth, 30% of TCP segments lost (retransmitted after TCP's timeout),
 * and a 10-minute outage on every station one minute into the burst (connections cut, redials
 * refused until it ends). The stations resend until acknowledged. On Mosquitto + PostgreSQL two
 * tally servers share the uplink; each result is stored once and both answer the exact totals.
 */
describe.each(externalConfigured ? ['embedded', 'external'] : ['embedded'])('stations behind lossy, slow and cut links (%s stack)', (kind) => {
  let stack: Stack;
  let servers: TallyServerHandle[] = [];
  let proxy: LinkProxy | null = null;
  const modems: Modem[] = [];

  afterAll(async () => {
    await Promise.all(modems.map((m) => m.stop()));
    await proxy?.close();
    for (const s of servers) await s.close();
    await stack?.close();
  });

  it('30% segment loss and a 10-minute outage: every result acknowledged, stored once, exact totals', async () => {
    stack = kind === 'external' ? await externalStack() : await embeddedStack();
    servers = await startGroup(stack);
    const election = syntheticElection(PRECINCTS, `flaky-${kind}`, `flaky-links-${kind}`);
    const id = election.definition.id;
    await servers[0].registry.register(election.definition, election.devices);
    for (const s of servers) await eventually(async () => (await fetch(`${s.httpUrl}/api/elections/${id}/results`)).ok, 10_000, 'the election everywhere');

    const clock = new AcceleratedClock(Date.UTC(2021, 3, 11, 14), SPEED);
    const outage = { fromMs: clock.now() + MINUTE, toMs: clock.now() + 11 * MINUTE };
    const broker = new URL(stack.brokerUrl);
    proxy = await LinkProxy.start({
      target: { host: broker.hostname, port: Number(broker.port) },
      clock,
      link: (n) => new LinkModel({ ...LINK_PROFILES['2g'], lossRate: 0.3 }, Random.stream('flaky-links', `connection/${n}`), [outage]),
    });
    // How many connections the outage finds open depends on how fast this machine dialed 150 modems
    // in its first real second; whatever it finds must be cut.
    let openAtOutage = -1;
    clock.setTimeout(() => (openAtOutage = proxy!.connections), outage.fromMs - 1 - clock.now());
    const rng = new Random('flaky-links/start');
    const deliveries: Promise<Delivery>[] = election.messages.map((m) => {
      const deviceId = v1.SignedEnvelope.decode(m.payload).deviceId;
      const modem = new Modem({ deviceId, brokerUrl: proxy!.url(), clock, resendMs: 5_000, maxResendMs: MINUTE });
      modems.push(modem);
      modem.start();
      // Polls close over the first two minutes: some results get through before the outage, most wait it out.
      return new Promise<Delivery>((resolve) => clock.setTimeout(() => resolve(modem.send(m.payload, id, 'result')), rng.int(0, 2 * MINUTE)));
    });
    const acks = await Promise.all(deliveries);

    expectAllStored(acks);
    expect(clock.now()).toBeGreaterThan(outage.toMs);
    // The link did what it says: segments lost, every open connection cut at the outage, redials refused during it.
    expect(proxy.stats.lost / (proxy.stats.segments + proxy.stats.lost)).toBeGreaterThan(0.2);
    expect(openAtOutage).toBeGreaterThan(0);
    expect(proxy.stats.cut).toBeGreaterThanOrEqual(openAtOutage);
    expect(proxy.stats.refused).toBeGreaterThan(PRECINCTS);
    expect(acks.some((d) => d.attempts > 1)).toBe(true);

    await expectExactEverywhere(
      servers.map((s) => s.httpUrl),
      election,
    );
    // Stored once: the first-time stores over all instances are exactly one per station.
    let stored = 0;
    for (const s of servers) stored += await ingestedCount(s.httpUrl);
    expect(stored).toBe(PRECINCTS);
  });
});
