import { v1 } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { Random } from '@shailoo/platform';
import { BallotBox } from '@shailoo/ballot-box';
import { BallotCounter } from '@shailoo/ballot-box';
import { ballotsOf, checkProtocol, ElectionDefinition, total } from '@shailoo/election';
import { VoterRegistry } from '@shailoo/voters';
import { Authority, IdentificationDevice, TYPICAL_BIOMETRICS } from '@shailoo/identification-device';
import { simulateStationDay, StationConfig } from './polling-station';

const parties = ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, name: `Party ${id}` }));
const intended = { votes: { p1: 800, p2: 600, p3: 350, p4: 200 }, invalidBallots: 50 };

function config(seed: string, overrides: Partial<StationConfig> = {}): StationConfig {
  const box = new BallotBox({
    deviceId: 'aeu-1',
    electionId: 'e',
    precinctId: 'p001',
    definitionHash: 'cd'.repeat(32),
    key: DeviceKey.fromSeed(Buffer.alloc(32, 2)),
  });
  return {
    counter: new BallotCounter(box, { parties, electionName: 'E', random: Random.stream(seed, 'box') }),
    commission: { deviceId: 'com-1', key: DeviceKey.fromSeed(Buffer.alloc(32, 3)) },
    electionId: 'e',
    definitionHash: 'cd'.repeat(32),
    date: '2021-04-11',
    registeredVoters: 5000,
    intended,
    random: Random.stream(seed, 'station'),
    boxFailureRate: 0,
    ...overrides,
  };
}

describe('a 2,000-voter polling station day', () => {
  it('reads every ballot, snapshots turnout along the curve, and satisfies the control relations', async () => {
    const day = await simulateStationDay(config('a', { handCountErrorRate: 0 }));
    expect(day.boxFailed).toBe(false);
    expect(day.boxCount).toEqual(intended);
    expect(day.manualCount).toEqual(intended);
    expect(day.violations).toEqual([]);
    expect(day.messages.map((m) => m.kind)).toEqual(['turnout', 'turnout', 'turnout', 'turnout', 'turnout', 'result', 'protocol']);
    const times = day.messages.map((m) => m.atMs);
    expect(times).toEqual(times.slice().sort((a, b) => a - b));
    const snapshots = day.messages.filter((m) => m.kind === 'turnout').map((m) => v1.TurnoutSnapshot.decode(v1.SignedEnvelope.decode(m.envelope).body));
    expect(snapshots.map((s) => s.hour)).toEqual([10, 14, 16, 18, 20]);
    expect(snapshots[4].voters).toBe(2000);
    // 2021: 2.91% of 34.94% by 10:00, 16.35% by 14:00.
    expect(snapshots[0].voters / 2000).toBeCloseTo(2.91 / 34.94, 1);
    expect(snapshots[1].voters / 2000).toBeCloseTo(16.35 / 34.94, 1);
    expect(day.printouts[0]).toMatch(/box is empty/);
    expect(day.printouts[1]).toMatch(/ballots in the box +2000/);
  });

  it('counts by hand only when the box fails, and says so in the protocol', async () => {
    const day = await simulateStationDay(config('b', { boxFailureRate: 1, handCountErrorRate: 0 }));
    expect(day.boxFailed).toBe(true);
    expect(day.boxCount).toBeNull();
    expect(day.messages.some((m) => m.kind === 'result')).toBe(false);
    const protocol = v1.ManualProtocol.decode(v1.SignedEnvelope.decode(day.messages.at(-1)!.envelope).body);
    expect(protocol.boxFailed).toBe(true);
    expect(protocol.ballotsInBox).toBe(2000);
    expect(day.violations).toEqual([]);
  });

  it('lets the hand count slip by about its error rate, keeping the totals', async () => {
    const day = await simulateStationDay(config('c', { handCountErrorRate: 0.01 }));
    const moved = Object.keys(intended.votes).reduce((s, p) => s + Math.abs(day.manualCount.votes[p] - intended.votes[p as keyof typeof intended.votes]), 0);
    expect(moved).toBeGreaterThan(0);
    expect(total(day.manualCount.votes)).toBe(1950);
    expect(day.violations).toEqual([]);
  });

  it('replays exactly for the same seed', async () => {
    const a = await simulateStationDay(config('same'));
    const b = await simulateStationDay(config('same'));
    expect(b.messages.map((m) => m.envelope.toString('hex'))).toEqual(a.messages.map((m) => m.envelope.toString('hex')));
  });
});

describe('a 2,000-voter station day with identification', () => {
  it('gives a ballot only to identified voters, and its report, box count and protocol agree', async () => {
    const definition: ElectionDefinition = {
      id: 'e',
      name: 'E',
      type: 'city-council',
      date: '2021-04-11',
      territory: { id: 'c', name: 'C', level: 'district', children: [{ id: 'p001', name: 'P', level: 'precinct', registeredVoters: 5000 }] },
      contests: [],
    };
    const registry = new VoterRegistry(definition, { seed: 'idn' });
    const seen = new Set<string>();
    const authority: Authority = (v) => (seen.has(v.pin) ? { ok: false, reason: 'already-identified' } : (seen.add(v.pin), { ok: true }));
    const devices = [1, 2].map((k) => ({
      key: DeviceKey.fromSeed(Buffer.alloc(32, 4 + k)),
      device: new IdentificationDevice(`idd-${k}`, (pin) => registry.find(pin), authority, authority, new Random(`idd-${k}`), {
        ...TYPICAL_BIOMETRICS,
        unreadableRate: 0.02,
      }),
    }));
    const voters = new Random('queue').shuffle(registry.listOf('p001'));
    const day = await simulateStationDay(config('idn', { handCountErrorRate: 0, identification: { devices, voters } }));
    const report = day.identification!;
    const identified = report.identifiedByFingerprint + report.identifiedByFace;
    const refused = total(report.refused);
    expect(identified + refused).toBe(2000);
    expect(refused).toBeGreaterThan(0);
    const inBox = ballotsOf(day.boxCount!);
    expect(inBox).toBe(identified);
    expect(report.slipsPrinted).toBe(identified);
    expect(day.messages.filter((m) => m.kind === 'identification').map((m) => m.deviceId)).toEqual(['idd-1', 'idd-2']);
    const protocol = v1.ManualProtocol.decode(v1.SignedEnvelope.decode(day.messages.at(-1)!.envelope).body);
    expect(checkProtocol({ ...protocol, votes: Object.fromEntries(protocol.votes.map((v) => [v.partyId, v.votes])), identifiedVoters: identified })).toEqual(
      [],
    );
    expect(day.violations).toEqual([]);
  });
});
