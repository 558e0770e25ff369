import { cityCouncil2021, cityCouncilDefinition, precinctsOf } from '@shailoo/election';
import { Random } from '@shailoo/platform';
import { VoterRegistry } from '@shailoo/voters';
import { Authority, IdentificationDevice, TYPICAL_BIOMETRICS } from './identification-device';
import { precinctAuthority } from './precinct-authority';

const definition = cityCouncilDefinition(cityCouncil2021('Кайыңды'));
const [a, b] = precinctsOf(definition.territory).map((p) => p.id);
const registry = new VoterRegistry(definition, { seed: 'device', remoteShare: 0.05 });
const T = Date.UTC(2021, 3, 11, 3);
const perfect = { ...TYPICAL_BIOMETRICS, fingerprintFrr: 0, faceFrr: 0, unreadableRate: 0 };

const device = (seed: string, biometrics = perfect) => {
  const local = precinctAuthority(a);
  return new IdentificationDevice('idd-1', (pin) => registry.find(pin), local, local, new Random(seed), biometrics);
};
const voter = (n: number) => registry.listOf(a).filter((v) => !v.remotePrecinctId)[n];

describe('IdentificationDevice', () => {
  it('reads, finds, matches, authorizes and prints one slip, taking realistic time', async () => {
    const d = device('one');
    const r = await d.identify(voter(0).pin, T);
    expect(r).toMatchObject({ outcome: 'identified', method: 'fingerprint', slip: true });
    expect(r.doneAtMs - T).toBeGreaterThanOrEqual(8_000);
    expect(r.doneAtMs - T).toBeLessThan(60_000);
    expect(d.state).toBe('idle');
    expect(d.report()).toMatchObject({ identifiedByFingerprint: 1, slipsPrinted: 1 });
  });

  it('refuses a second slip for the same voter: already identified', async () => {
    const d = device('twice');
    await d.identify(voter(1).pin, T);
    const again = await d.identify(voter(1).pin, T + 60_000);
    expect(again).toMatchObject({ outcome: 'refused', reason: 'already-identified', slip: false });
    expect(d.report().slipsPrinted).toBe(1);
  });

  it('refuses the voters of other precincts, and strangers', async () => {
    const d = device('refusals');
    expect((await d.identify(registry.listOf(b)[0].pin, T)).reason).toBe('other-precinct');
    expect((await d.identify('10101199012345', T)).reason).toBe('not-in-list');
    expect(d.report().refused).toMatchObject({ 'other-precinct': 1, 'not-in-list': 1 });
  });

  it('falls back to the face when fingers fail, and refuses when both do, at about the modelled rates', async () => {
    const d = device('biometrics', { ...perfect, fingerprintFrr: 0.5, faceFrr: 0.5, retries: 2 });
    const voters = registry
      .listOf(a)
      .filter((v) => !v.remotePrecinctId)
      .slice(0, 1000);
    let t = T;
    for (const v of voters) t = (await d.identify(v.pin, t)).doneAtMs;
    const r = d.report();
    // P(finger fails twice) = 0.25; then the face fails half of those.
    expect(r.identifiedByFingerprint / 1000).toBeCloseTo(0.75, 1);
    expect(r.identifiedByFace / 1000).toBeCloseTo(0.125, 1);
    expect(r.refused['biometric-mismatch'] / 1000).toBeCloseTo(0.125, 1);
    expect(r.identifiedByFingerprint + r.identifiedByFace + r.refused['biometric-mismatch']).toBe(1000);
  });

  it('prints nothing once its printer fails, yet still identifies', async () => {
    const d = device('printer');
    d.failPrinter('prints-nothing');
    expect(await d.identify(voter(2).pin, T)).toMatchObject({ outcome: 'identified', slip: false });
    expect(d.report()).toMatchObject({ identifiedByFingerprint: 1, slipsPrinted: 0 });
  });

  it('runs 2 to 3 hours on battery after a power cut, then stops', async () => {
    const d = device('power');
    d.losePower(T);
    expect((await d.identify(voter(3).pin, T + 2 * 3_600_000 - 1)).outcome).toBe('identified');
    await expect(d.identify(voter(4).pin, T + 3 * 3_600_000)).rejects.toThrow(/no power/);
    expect(d.state).toBe('dead');
  });

  it('lets an impostor through only at the false-accept rate', async () => {
    const d = device('impostors', { ...perfect, far: 0.2, retries: 1 });
    const voters = registry
      .listOf(a)
      .filter((v) => !v.remotePrecinctId)
      .slice(100, 1100);
    let t = T;
    let accepted = 0;
    for (const v of voters) {
      const r = await d.identify(v.pin, t, true);
      t = r.doneAtMs;
      if (r.outcome === 'identified') accepted++;
    }
    // One fingerprint try and one face try, each 20%: 1 − 0.8² = 36%.
    expect(accepted / 1000).toBeCloseTo(0.36, 1);
  });

  it('falls back to the local list when the service is unreachable, and finds the double vote at sync', async () => {
    const service = new Map<string, number>();
    let reachable = true;
    const online: Authority = (voter, atMs, _method, offline) => {
      if (!reachable) throw new Error('no network');
      const first = service.get(voter.pin);
      if (first === undefined) {
        service.set(voter.pin, atMs);
        return { ok: true };
      }
      return {
        ok: false,
        reason: 'already-identified',
        doubleVote: offline ? { voterRef: voter.pin, otherPrecinctId: a, hereAtMs: atMs, thereAtMs: first } : undefined,
      };
    };
    const d = new IdentificationDevice('idd-2', (pin) => registry.find(pin), online, precinctAuthority(a), new Random('offline'), perfect);
    const v = voter(6);
    service.set(v.pin, T - 3_600_000);
    reachable = false;
    expect(await d.identify(v.pin, T)).toMatchObject({ outcome: 'identified', slip: true });
    expect(await d.identify(voter(7).pin, T + 60_000)).toMatchObject({ outcome: 'identified' });
    expect(d.pendingSync).toBe(2);
    reachable = true;
    const doubles = await d.sync();
    expect(doubles).toEqual([{ voterRef: v.pin, otherPrecinctId: a, hereAtMs: expect.any(Number), thereAtMs: T - 3_600_000 }]);
    expect(d.pendingSync).toBe(0);
    expect(d.report()).toMatchObject({ identifiedOffline: 2, doubleVotes: doubles });
  });

  it('sometimes wrongly says "already identified" when told to', async () => {
    const d = device('false', { ...perfect, falseAlreadyIdentifiedRate: 1 });
    expect(await d.identify(voter(5).pin, T)).toMatchObject({ outcome: 'refused', reason: 'already-identified' });
  });
});
