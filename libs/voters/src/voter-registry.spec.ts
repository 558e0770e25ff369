import { cityCouncil2021, cityCouncilDefinition, precinctsOf } from '@shailoo/election';
import { makePin, validPin, VoterRegistry, votingPrecinct } from './voter-registry';

const definition = cityCouncilDefinition(cityCouncil2021('Кайыңды'));

describe('voter registry', () => {
  const registry = new VoterRegistry(definition, { seed: 'voters', remoteShare: 0.02 });

  it('matches the dataset’s voter counts, precinct by precinct', () => {
    expect(registry.size).toBe(5888);
    for (const p of precinctsOf(definition.territory)) expect(registry.listOf(p.id)).toHaveLength(p.registeredVoters!);
  });

  it('gives every voter a well-formed PIN of the right sex, 18 or older on election day', () => {
    for (const p of precinctsOf(definition.territory)) {
      for (const v of registry.listOf(p.id)) {
        expect(validPin(v.pin, definition.date)).toBe(true);
        expect(v.pin[0]).toBe(v.sex === 'F' ? '1' : '2');
        expect(v.pin.slice(1, 9)).toBe(v.birthDate.split('-').reverse().join(''));
        expect(v.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('is built once for the same definition and options while in use, and apart for others', () => {
    const shared = VoterRegistry.of(definition, { seed: 'voters', remoteShare: 0.02 });
    // The same definition as another object (as read back from a store): the same list.
    expect(VoterRegistry.of(structuredClone(definition), { seed: 'voters', remoteShare: 0.02 })).toBe(shared);
    expect(VoterRegistry.of(definition, { seed: 'other', remoteShare: 0.02 })).not.toBe(shared);
    expect(VoterRegistry.of(definition, { seed: 'voters' })).not.toBe(shared);
    expect(VoterRegistry.of({ ...definition, date: '2021-04-12' }, { seed: 'voters', remoteShare: 0.02 })).not.toBe(shared);
    expect(shared.listOf(precinctsOf(definition.territory)[0].id).map((v) => v.pin)).toEqual(
      registry.listOf(precinctsOf(definition.territory)[0].id).map((v) => v.pin),
    );
  });

  it('checks the PIN format and age', () => {
    expect(validPin(makePin('F', '2003-04-11', 7), '2021-04-11')).toBe(true);
    expect(validPin(makePin('F', '2003-04-12', 7), '2021-04-11')).toBe(false);
    expect(validPin('3110419901234', '2021-04-11')).toBe(false);
    expect(validPin('13102199012345', '2021-04-11')).toBe(false);
  });

  it('moves remote applicants to another precinct’s list', () => {
    const remote = precinctsOf(definition.territory)
      .flatMap((p) => registry.listOf(p.id))
      .filter((v) => v.remotePrecinctId);
    expect(remote.length).toBeGreaterThan(50);
    for (const v of remote) {
      expect(v.remotePrecinctId).not.toBe(v.precinctId);
      expect(votingPrecinct(v)).toBe(v.remotePrecinctId);
      expect(registry.votersAt(v.remotePrecinctId!)).toContain(v);
      expect(registry.votersAt(v.precinctId)).not.toContain(v);
    }
  });

  it('is the same for the same seed, and a precinct’s voters do not depend on the others', () => {
    const again = new VoterRegistry(definition, { seed: 'voters', remoteShare: 0.02 });
    const first = precinctsOf(definition.territory)[0].id;
    expect(again.listOf(first)).toEqual(registry.listOf(first));
    const smaller = structuredClone(definition);
    smaller.territory.children![0].children![0].children!.pop();
    expect(new VoterRegistry(smaller, { seed: 'voters' }).listOf(first).map((v) => v.pin)).toEqual(
      new VoterRegistry(definition, { seed: 'voters' }).listOf(first).map((v) => v.pin),
    );
  });
});
