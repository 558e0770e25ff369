import { Random } from '@shailoo/platform';
import { allocateCityCouncil } from './city-council';
import { cityCouncil2021, cityCouncilDefinition, cityCouncils2021 } from './city-councils-2021';
import { precinctsOf } from './definition';
import { apportion, synthesizeVotes } from './vote-synthesizer';

function synthesize(city: string | number, seed: string) {
  const ds = cityCouncil2021(city);
  const definition = cityCouncilDefinition(ds);
  const rng = new Random(seed);
  const votes = synthesizeVotes({
    seats: Object.fromEntries(ds.parties.map((p) => [p.id, p.seats])),
    participated: Math.round(ds.voters * ds.turnout),
    precincts: precinctsOf(definition.territory).map((p) => ({ id: p.id, registeredVoters: p.registeredVoters! })),
    random: () => rng.next(),
  });
  return { ds, votes };
}

describe('city councils 2021', () => {
  it('has the 25 councils whose results stand, each with its published seats summing to its mandates', () => {
    const all = cityCouncils2021();
    expect(all).toHaveLength(25);
    for (const c of all) expect(c.parties.reduce((s, p) => s + p.seats, 0)).toBe(c.mandates);
    expect(
      all
        .filter((c) => !c.estimated)
        .map((c) => c.city)
        .sort(),
    ).toEqual(['Баткен', 'Жалал-Абад', 'Кайыңды', 'Каракол', 'Нарын', 'Талас']);
    expect(all.filter((c) => c.estimated).every((c) => c.estimateNote?.startsWith('estimated'))).toBe(true);
  });

  it('keeps the real figures of the monitored cities', () => {
    const b = cityCouncil2021('Баткен');
    expect([b.voters, b.precincts, b.turnout, b.mandates]).toEqual([15641, 10, 0.324, 31]);
  });
});

describe('synthesizeVotes', () => {
  it.each(cityCouncils2021().map((c) => [c.city]))('%s: synthesized votes allocate to exactly the published seats', (city) => {
    const { ds, votes } = synthesize(city, `test/${city}`);
    const allocation = allocateCityCouncil({ seats: ds.mandates, participated: votes.participated, votes: votes.votes });
    for (const p of ds.parties) expect(allocation.seats[p.id] ?? 0).toBe(p.seats);
    expect(allocation.failed.map((f) => f.id).sort()).toEqual(
      ds.parties
        .filter((p) => p.seats === 0)
        .map((p) => p.id)
        .sort(),
    );
  });

  it('Batken: 15,641 voters, 10 precincts, 32.4% turnout → 12/10/6/3, and the precincts add up', () => {
    const { votes } = synthesize('Баткен', 'batken');
    expect(votes.participated).toBe(Math.round(15641 * 0.324));
    expect(votes.precincts).toHaveLength(10);
    for (const party of Object.keys(votes.votes)) {
      expect(votes.precincts.reduce((s, p) => s + p.votes[party], 0)).toBe(votes.votes[party]);
    }
    expect(votes.precincts.reduce((s, p) => s + p.participated, 0)).toBe(votes.participated);
    expect(votes.precincts.reduce((s, p) => s + p.invalid, 0)).toBe(votes.invalid);
  });

  it('gives the same votes for the same seed and different ones for another', () => {
    expect(synthesize('Талас', 'a').votes).toEqual(synthesize('Талас', 'a').votes);
    expect(synthesize('Талас', 'a').votes.votes).not.toEqual(synthesize('Талас', 'b').votes.votes);
  });

  it('apportions whole numbers that add up exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25]).reduce((a, b) => a + b)).toBe(7);
  });
});

describe('city council definitions', () => {
  it('place every council with results in one of the 9 regions, country at the root', () => {
    const regions = new Set<string>();
    for (const c of cityCouncils2021()) {
      const d = cityCouncilDefinition(c);
      expect(d.territory.level).toBe('country');
      const region = d.territory.children![0];
      expect(region.level).toBe('region');
      expect(region.children![0].children).toHaveLength(c.precincts);
      regions.add(region.id);
    }
    expect(regions.size).toBeLessThanOrEqual(9);
  });
});
