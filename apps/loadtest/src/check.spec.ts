import { syntheticCount } from '@shailoo/scenario';
import { checkCounts, CountedPrecinct } from './check';

const SEED = 'check-spec';
const N = 20;

/** The server's figures as if every station's result were counted once. */
function counted(): CountedPrecinct[] {
  return Array.from({ length: N }, (_, i) => {
    const c = syntheticCount(SEED, i);
    return {
      territoryId: `e-p${i}`,
      precinctsReporting: 1,
      preliminary: { ballotsInBox: c.ballotsInBox, votes: Object.fromEntries(c.votes.map((v) => [v.partyId, v.votes])) },
    };
  });
}

function rootOf(precincts: CountedPrecinct[]) {
  const root = { preliminary: { ballotsInBox: 0, votes: {} as Record<string, number> } };
  for (const p of precincts) {
    root.preliminary.ballotsInBox += p.preliminary.ballotsInBox;
    for (const [party, v] of Object.entries(p.preliminary.votes)) root.preliminary.votes[party] = (root.preliminary.votes[party] ?? 0) + v;
  }
  return root;
}

describe('checkCounts: the published figures against what every station sent', () => {
  const all = () => true;

  it('finds nothing wrong when every station is counted once', () => {
    const precincts = counted();
    expect(checkCounts('e', SEED, N, all, precincts, rootOf(precincts))).toEqual({
      lost: 0,
      doubleCounted: 0,
      countedUnacknowledged: 0,
      totalsMatch: true,
      examples: [],
    });
  });

  it('names a precinct counted twice, and the totals no longer match', () => {
    const precincts = counted();
    const twice = precincts[7].preliminary;
    twice.ballotsInBox *= 2;
    for (const party of Object.keys(twice.votes)) twice.votes[party] *= 2;
    const check = checkCounts('e', SEED, N, all, precincts, rootOf(precincts));
    expect(check.doubleCounted).toBe(1);
    expect(check.lost).toBe(0);
    expect(check.examples[0]).toMatch(/^e-p7: counted/);
  });

  it('counts an acknowledged station the server lacks as lost, even when the totals were patched to match', () => {
    const precincts = counted();
    const missing = precincts.splice(3, 1)[0];
    const root = rootOf(precincts);
    expect(checkCounts('e', SEED, N, all, precincts, root)).toMatchObject({ lost: 1, doubleCounted: 0, totalsMatch: true });
    root.preliminary.ballotsInBox += missing.preliminary.ballotsInBox;
    expect(checkCounts('e', SEED, N, all, precincts, root)).toMatchObject({ lost: 1, totalsMatch: false });
  });

  it('a station given up on may or may not be counted; counted, it is reported as such and is not lost', () => {
    const precincts = counted();
    const check = checkCounts('e', SEED, N, (i) => i !== 4, precincts, rootOf(precincts));
    expect(check).toMatchObject({ lost: 0, doubleCounted: 0, countedUnacknowledged: 1, totalsMatch: true });
    const without = precincts.filter((p) => p.territoryId !== 'e-p4');
    expect(checkCounts('e', SEED, N, (i) => i !== 4, without, rootOf(without))).toMatchObject({ lost: 0, countedUnacknowledged: 0, totalsMatch: true });
  });

  it('a precinct with other figures than its station sent is lost', () => {
    const precincts = counted();
    precincts[2].preliminary.votes.p1 -= 1;
    precincts[2].preliminary.ballotsInBox -= 1;
    expect(checkCounts('e', SEED, N, all, precincts, rootOf(precincts))).toMatchObject({ lost: 1, doubleCounted: 0, totalsMatch: false });
  });
});
