import { TallyServerHandle } from '@shailoo/tally-server';
import { REJECTION_REASONS } from '@shailoo/contracts';
import { recordCouncilDay, RecordedDay } from '@shailoo/scenario';
import { brokerGarbageRun, corpusProblems, expectedRefusals, feedCorpus, GarbagePlan, garbageProblems, hostileCorpus } from '@shailoo/fuzz';
import { embeddedStack, Stack } from './stack';
import { total } from '@shailoo/election';

jest.setTimeout(180_000);

/**
 * 10,000 random and mutated payloads through the real pipeline (PGlite, no mocks): none may
 * crash it, each is accepted, a duplicate, or rejected for one of the stated reasons, and the
 * tally is exactly what the accepted box results imply.
 */
describe('a corpus of hostile payloads', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let recorded: RecordedDay;

  beforeAll(async () => {
    recorded = recordCouncilDay('Кайыңды', 'corpus');
    stack = await embeddedStack();
    server = await stack.startServer();
    await server.registry.register(recorded.day.definition, recorded.devices);
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  it('never crashes, always states a reason, and tallies exactly the accepted results', async () => {
    // A 10,000 sample of `npm run fuzz`'s 100,000 (same generator, its own seed).
    const report = await feedCorpus(server, recorded, hostileCorpus(recorded, 10_000, 'hostile-corpus'));
    const rejected = total(report.rejectedByReason);
    expect(report.accepted + report.duplicates + rejected).toBe(10_000);
    expect(report.unexplained).toBe(0);
    expect(Object.keys(report.rejectedByReason).every((r) => (REJECTION_REASONS as readonly string[]).includes(r))).toBe(true);
    expect(Object.keys(report.rejectedByReason).length).toBeGreaterThanOrEqual(8);
    expect(report.accepted).toBeGreaterThan(100);
    expect(report.tallied).toEqual(report.expected);
    expect(report.expected.ballotsInBox).toBeGreaterThan(0);
    expect(report.stored).toBe(rejected);
    expect(report.counted).toBe(rejected);
    expect(corpusProblems(report)).toEqual([]);
  });
});

/**
 * MQTT-level garbage at the broker while 100 stations close their polls: broken, random and
 * oversized packets, oversized payloads, a device's flood, an anonymous topic flood, wild
 * subscriptions, wrong passwords and slowloris connections. The broker never falls over, counts
 * every refusal by reason (shown at the tally server's /metrics), and the tally is exact.
 */
describe('MQTT-level garbage at the broker', () => {
  it('refuses and counts every kind of garbage while the genuine results all count exactly', async () => {
    const plan: GarbagePlan = {
      malformed: 40,
      random: 60,
      oversizedPackets: 10,
      oversizedPayloads: 10,
      flood: 300,
      anonymousPublishes: 30,
      wildSubscriptions: 6,
      badPasswords: 20,
      slowloris: 20,
      seed: 'garbage-ci',
    };
    const report = await brokerGarbageRun(plan, 100, 1500);
    const { exactly, atLeast } = expectedRefusals(plan);
    for (const [reason, n] of Object.entries(exactly)) expect([reason, report.refusals[reason as keyof typeof exactly] ?? 0]).toEqual([reason, n]);
    for (const [reason, n] of Object.entries(atLeast)) expect(report.refusals[reason as keyof typeof atLeast] ?? 0).toBeGreaterThanOrEqual(n!);
    expect(report.outcome.wildGranted).toBe(0);
    // Every garbage connection but the subscriber's was closed by the broker, not by the attacker's patience running out.
    expect(report.outcome.closedByBroker).toBe(report.outcome.connections - 1);
    // What passed the broker of the flood reached the tally server, which rejected it and banned the device.
    expect(total(report.serverRejected)).toBeGreaterThanOrEqual(20);
    expect(report.devicesBanned).toBe(1);
    expect(report.acknowledged).toBe(100);
    expect(report.exact).toBe(true);
    expect(report.brokerAlive).toBe(true);
    expect(garbageProblems(report)).toEqual([]);
  });
});
