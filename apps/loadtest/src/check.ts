import { syntheticCount } from '@shailoo/scenario';

/** What the server counts for one precinct (its preliminary figures), as the results API gives it. */
export interface CountedPrecinct {
  territoryId: string;
  precinctsReporting: number;
  preliminary: { ballotsInBox: number; votes: Record<string, number> };
}

export interface CountCheck {
  /** Acknowledged stations whose result the server does not count (missing, or other figures than sent). */
  lost: number;
  /** Precincts the server counts for more than their station sent (a result added twice, or a figure grown). */
  doubleCounted: number;
  /** Precincts the server counts although their station was never acknowledged (sent, then given up on). */
  countedUnacknowledged: number;
  /** The election's totals equal the sum of what the counted stations sent. */
  totalsMatch: boolean;
  /** A few of the precincts that were lost or double-counted, to look at. */
  examples: string[];
}

/**
 * Checks the server's published figures against what the stations sent: every station's count is
 * known from the seed, so every precinct can be compared, and the election's totals with their sum.
 */
export function checkCounts(
  electionId: string,
  seed: string,
  stations: number,
  acknowledged: (i: number) => boolean,
  precincts: CountedPrecinct[],
  root: { preliminary: { ballotsInBox: number; votes: Record<string, number> } },
): CountCheck {
  const byId = new Map(precincts.map((p) => [p.territoryId, p]));
  const check: CountCheck = { lost: 0, doubleCounted: 0, countedUnacknowledged: 0, totalsMatch: true, examples: [] };
  const expected = { ballotsInBox: 0, votes: {} as Record<string, number> };
  const note = (what: string) => check.examples.length < 10 && check.examples.push(what);
  for (let i = 0; i < stations; i++) {
    const id = `${electionId}-p${i}`;
    const sent = syntheticCount(seed, i);
    const counted = byId.get(id);
    const reporting = !!counted && counted.precinctsReporting > 0;
    if (reporting) {
      const bigger = counted.preliminary.ballotsInBox > sent.ballotsInBox || sent.votes.some((v) => (counted.preliminary.votes[v.partyId] ?? 0) > v.votes);
      const equal = counted.preliminary.ballotsInBox === sent.ballotsInBox && sent.votes.every((v) => (counted.preliminary.votes[v.partyId] ?? 0) === v.votes);
      if (bigger) {
        check.doubleCounted++;
        note(`${id}: counted ${counted.preliminary.ballotsInBox} ballots, sent ${sent.ballotsInBox}`);
      } else if (!equal && acknowledged(i)) {
        check.lost++;
        note(`${id}: counted other figures than sent`);
      }
      if (!acknowledged(i)) check.countedUnacknowledged++;
    } else if (acknowledged(i)) {
      check.lost++;
      note(`${id}: acknowledged but not counted`);
    }
    if (reporting) {
      expected.ballotsInBox += sent.ballotsInBox;
      for (const v of sent.votes) expected.votes[v.partyId] = (expected.votes[v.partyId] ?? 0) + v.votes;
    }
  }
  const parties = new Set([...Object.keys(expected.votes), ...Object.keys(root.preliminary.votes)]);
  check.totalsMatch =
    root.preliminary.ballotsInBox === expected.ballotsInBox && [...parties].every((p) => (root.preliminary.votes[p] ?? 0) === (expected.votes[p] ?? 0));
  if (!check.totalsMatch) note(`election totals: ${root.preliminary.ballotsInBox} ballots counted, the counted precincts sent ${expected.ballotsInBox}`);
  return check;
}
