import { ContestResults, ElectionResults, SeatsView } from '@shailoo/contracts';
import {
  addCount,
  allocateCityCouncil,
  allocateParliamentList,
  allocateSingleMember,
  allocateVillageCouncil,
  contestsAt,
  precinctPaths,
  BallotCount,
  ballotsOf,
  ElectionDefinition,
  PartyListAllocation,
  walkTerritories,
} from '@shailoo/election';

/** What the simulation knows of one precinct at the end of its day. */
export interface PrecinctTruth {
  precinctId: string;
  /** Every ballot cast, as the voters marked them. */
  cast: BallotCount;
  /** The box's count, null when the box failed. */
  box: BallotCount | null;
  /** The commission's hand count, as signed on the protocol. */
  manual: BallotCount;
  ballotsIssued: number;
  identified: number;
  /** Voters given a ballot on the paper list because no identification device had power. */
  unidentified: number;
  doubleVotes: number;
  /** Turnout reported per hour. */
  turnout: Record<number, number>;
  /** Each further contest of the precinct (beside its first): its ballots as cast, as the box and as the commission counted them. */
  contests?: Record<string, { cast: BallotCount; box: BallotCount | null; manual: BallotCount }>;
}

export interface Mismatch {
  territoryId: string;
  what: string;
  expected: unknown;
  published: unknown;
}

/** A known difference between what was cast and what is counted, caused by the simulation on purpose. */
export interface ExpectedDifference {
  kind: 'hand-count-slip' | 'box-failed' | 'box-misread' | 'unidentified-voters';
  precinctId: string;
  detail: Record<string, unknown>;
}

export interface OracleVerdict {
  ok: boolean;
  checks: number;
  mismatches: Mismatch[];
  expectedDifferences: Record<ExpectedDifference['kind'], number>;
  differences: ExpectedDifference[];
}

/** What a tally server published for one election, as read over its public API. */
export interface PublishedElection {
  results: ElectionResults;
  territories: ElectionResults[];
  seats: SeatsView;
  contests: ContestResults[];
}

function sameCount(a: BallotCount, b: BallotCount): boolean {
  return a.invalidBallots === b.invalidBallots && Object.keys({ ...a.votes, ...b.votes }).every((p) => (a.votes[p] ?? 0) === (b.votes[p] ?? 0));
}

/** The named reasons why a precinct's counts differ from what was cast. */
export function expectedDifferences(p: PrecinctTruth): ExpectedDifference[] {
  const out: ExpectedDifference[] = [];
  const diff = (c: BallotCount) =>
    Object.fromEntries(
      Object.keys({ ...c.votes, ...p.cast.votes })
        .map((k) => [k, (c.votes[k] ?? 0) - (p.cast.votes[k] ?? 0)])
        .filter(([, d]) => d),
    );
  if (!sameCount(p.manual, p.cast)) out.push({ kind: 'hand-count-slip', precinctId: p.precinctId, detail: diff(p.manual) });
  if (!p.box) out.push({ kind: 'box-failed', precinctId: p.precinctId, detail: { countedByHand: ballotsOf(p.manual) } });
  else if (!sameCount(p.box, p.cast))
    out.push({ kind: 'box-misread', precinctId: p.precinctId, detail: { ...diff(p.box), invalid: p.box.invalidBallots - p.cast.invalidBallots } });
  if (p.unidentified) out.push({ kind: 'unidentified-voters', precinctId: p.precinctId, detail: { voters: p.unidentified } });
  return out;
}

/** The flags a correct tally raises for a precinct, from what the simulation knows. */
function expectedFlags(p: PrecinctTruth): string[] {
  const flags: string[] = [];
  if (p.box && ballotsOf(p.box) > p.identified) flags.push('box-exceeds-identified');
  if (p.identified < p.ballotsIssued) flags.push('identified-below-issued');
  if (!p.box) flags.push('manual-only');
  if (p.box && (!sameCount(p.box, p.manual) || Object.values(p.contests ?? {}).some((c) => c.box && !sameCount(c.box, c.manual))))
    flags.push('box-manual-mismatch');
  if (p.doubleVotes) flags.push('double-votes');
  return flags;
}

interface TerritoryExpectation {
  preliminary: BallotCount;
  final: BallotCount;
  precincts: number;
  flags: Record<string, number>;
  turnout: Record<number, number>;
}

/** The seats the law gives on these figures, allocated by the library on the simulation's own sums. */
export function expectedSeats(
  definition: ElectionDefinition,
  seed: string,
  whole: BallotCount,
  regions: Map<string, { name: string; count: BallotCount }>,
): PartyListAllocation | null {
  const contest = definition.contests[0];
  if (!contest || ballotsOf(whole) === 0) return null;
  const votes = Object.fromEntries((contest.parties ?? []).map((p) => [p.id, whole.votes[p.id] ?? 0]));
  const input = { seats: contest.seats, participated: ballotsOf(whole), votes, seed };
  const rules = { threshold: contest.rules.threshold, thresholdBase: contest.rules.thresholdBase };
  if (contest.system === 'city-council') return allocateCityCouncil(input, rules);
  if (contest.system === 'parliament-list') {
    const byRegion = Object.fromEntries([...regions.values()].map((r) => [r.name, { participated: ballotsOf(r.count), votes: r.count.votes }]));
    return allocateParliamentList({ ...input, regions: byRegion, cap: contest.rules.cap }, { ...rules, regionalThreshold: contest.rules.regionalThreshold });
  }
  return null;
}

/**
 * The correctness oracle: every territory's published figures (preliminary from the boxes, final
 * from the protocols), precincts reporting, flags, turnout through the day, and the seats, each
 * against what the simulation knows its stations sent. Differences between what was cast and what
 * was counted are not mismatches when a named cause explains them (a slip in the hand count, a
 * failed box); they are listed with their cause.
 */
export function checkElection(definition: ElectionDefinition, hash: string, precincts: PrecinctTruth[], published: PublishedElection): OracleVerdict {
  const byId = new Map(precincts.map((p) => [p.precinctId, p]));
  const expectations = new Map<string, TerritoryExpectation>();
  const regions = new Map<string, { name: string; count: BallotCount }>();
  for (const { territory, ancestors } of walkTerritories(definition.territory)) {
    if (territory.level === 'region') regions.set(territory.id, { name: territory.name, count: { votes: {}, invalidBallots: 0 } });
    if (territory.level !== 'precinct') continue;
    const p = byId.get(territory.id);
    if (!p) continue;
    for (const id of [...ancestors, territory.id]) {
      let e = expectations.get(id);
      if (!e)
        expectations.set(
          id,
          (e = { preliminary: { votes: {}, invalidBallots: 0 }, final: { votes: {}, invalidBallots: 0 }, precincts: 0, flags: {}, turnout: {} }),
        );
      if (p.box) addCount(e.preliminary, p.box);
      addCount(e.final, p.manual);
      e.precincts++;
      for (const f of expectedFlags(p)) e.flags[f] = (e.flags[f] ?? 0) + 1;
      for (const [h, v] of Object.entries(p.turnout)) e.turnout[Number(h)] = (e.turnout[Number(h)] ?? 0) + v;
      const region = regions.get(id);
      if (region) addCount(region.count, p.manual);
    }
  }
  const mismatches: Mismatch[] = [];
  let checks = 0;
  const check = (territoryId: string, what: string, expected: unknown, got: unknown) => {
    checks++;
    if (JSON.stringify(expected) !== JSON.stringify(got)) mismatches.push({ territoryId, what, expected, published: got });
  };
  const parties = (definition.contests[0]?.parties ?? []).map((p) => p.id);
  const votesOf = (c: BallotCount) => Object.fromEntries(parties.map((p) => [p, c.votes[p] ?? 0]));
  for (const t of [published.results, ...published.territories]) {
    const e = expectations.get(t.territoryId);
    if (!e) {
      mismatches.push({ territoryId: t.territoryId, what: 'territory', expected: 'a territory of the definition', published: t.name });
      continue;
    }
    check(t.territoryId, 'precincts reporting', e.precincts, t.precinctsReporting);
    check(t.territoryId, 'final votes', votesOf(e.final), votesOf(t.final));
    check(t.territoryId, 'final invalid ballots', e.final.invalidBallots, t.final.invalidBallots);
    check(t.territoryId, 'final ballots in box', ballotsOf(e.final), t.final.ballotsInBox);
    check(t.territoryId, 'preliminary votes', votesOf(e.preliminary), votesOf(t.preliminary));
    check(t.territoryId, 'preliminary ballots in box', ballotsOf(e.preliminary), t.preliminary.ballotsInBox);
    const flags = Object.fromEntries(Object.entries(t.flags).filter(([k, n]) => k !== 'not-reported' && n));
    check(t.territoryId, 'flags', sortKeys(e.flags), sortKeys(flags));
    check(t.territoryId, 'turnout through the day', sortKeys(e.turnout), sortKeys(Object.fromEntries(t.turnoutTimeline.map((x) => [x.hour, x.voters]))));
    // The class of fault seen on election night 2021: shares that add up to more than the whole.
    const partyTotal = parties.reduce((s, p) => s + (t.final.votes[p] ?? 0), 0);
    check(
      t.territoryId,
      'party votes within valid ballots',
      true,
      partyTotal + t.final.invalidBallots <= t.final.ballotsInBox && t.final.ballotsInBox <= t.registeredVoters,
    );
  }
  const seats = expectedSeats(definition, hash, expectations.get(definition.territory.id)?.final ?? { votes: {}, invalidBallots: 0 }, regions);
  const publishedSeats = published.seats.final ?? published.seats.provisional;
  check(definition.territory.id, 'seats', sortKeys(seats?.seats ?? {}), sortKeys(publishedSeats?.seats ?? {}));
  check(definition.territory.id, 'seats status', 'final', published.seats.status);
  checkContests(definition, hash, precincts, published.contests, check);
  const differences = precincts.flatMap(expectedDifferences);
  const counted = { 'hand-count-slip': 0, 'box-failed': 0, 'box-misread': 0, 'unidentified-voters': 0 };
  for (const d of differences) counted[d.kind]++;
  return { ok: mismatches.length === 0, checks, mismatches, expectedDifferences: counted, differences };
}

function sortKeys<T>(o: Record<string | number, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Every contest against what its precincts sent: its counts over its own precincts (preliminary
 * and final), its reconciliation flags, and its outcome as the library allocates it on the
 * simulation's own sums — a district's winner (ties to the earlier registered), a village
 * council's elected with the women's reserve, a list's seats — final once every precinct reported.
 */
function checkContests(
  definition: ElectionDefinition,
  hash: string,
  precincts: PrecinctTruth[],
  published: ContestResults[],
  check: (territoryId: string, what: string, expected: unknown, got: unknown) => void,
): void {
  const paths = precinctPaths(definition.territory);
  const sums = new Map(definition.contests.map((c) => [c.id, { preliminary: emptyCount(), final: emptyCount(), precincts: 0, mismatch: 0, manualOnly: 0 }]));
  for (const p of precincts) {
    contestsAt(definition, paths.get(p.precinctId) ?? []).forEach((c, i) => {
      const counts = i === 0 ? { box: p.box, manual: p.manual } : p.contests?.[c.id];
      if (!counts) return;
      const sum = sums.get(c.id)!;
      if (counts.box) addCount(sum.preliminary, counts.box);
      addCount(sum.final, counts.manual);
      sum.precincts++;
      if (counts.box && !sameCount(counts.box, counts.manual)) sum.mismatch++;
      if (!counts.box) sum.manualOnly++;
    });
  }
  for (const contest of definition.contests) {
    const got = published.find((c) => c.contestId === contest.id);
    const e = sums.get(contest.id)!;
    const where = `${contest.id}`;
    if (!got) {
      check(where, 'contest published', true, false);
      continue;
    }
    const lines = got.selections.map((s) => s.id);
    const votesOf = (c: BallotCount) => Object.fromEntries(lines.map((id) => [id, c.votes[id] ?? 0]));
    check(where, 'contest precincts reporting', e.precincts, got.precinctsReporting);
    check(where, 'contest final votes', votesOf(e.final), votesOf(got.final));
    check(where, 'contest final invalid ballots', e.final.invalidBallots, got.final.invalidBallots);
    check(where, 'contest final ballots in box', ballotsOf(e.final), got.final.ballotsInBox);
    check(where, 'contest preliminary votes', votesOf(e.preliminary), votesOf(got.preliminary));
    check(where, 'contest flags', { 'box-manual-mismatch': e.mismatch, 'manual-only': e.manualOnly }, got.flags);
    check(where, 'contest status', 'final', got.status);
    const votes = Object.fromEntries((contest.candidates ?? []).map((c) => [c.id, e.final.votes[c.id] ?? 0]));
    if (contest.system === 'single-member') {
      const registration = Object.fromEntries((contest.candidates ?? []).filter((c) => c.registration !== undefined).map((c) => [c.id, c.registration!]));
      check(where, 'district winner', [allocateSingleMember(votes, hash, registration).winner], got.elected);
    } else if (contest.system === 'village-council') {
      const expected = allocateVillageCouncil({
        seats: contest.seats,
        candidates: (contest.candidates ?? []).map((c) => ({ id: c.id, sex: c.sex, votes: votes[c.id] })),
        womenReserve: contest.rules.womenReserve,
        seed: hash,
      });
      check(where, 'village council elected', expected.elected, got.elected);
      const outcome = got.outcome.final;
      check(where, 'seats reserved for women', expected.reservedTo, outcome?.system === 'village-council' ? outcome.council.reservedTo : null);
      // The law's floor, whatever the votes: at least the reserved share of the seats goes to women, where enough stood.
      const women = got.selections.filter((s) => s.elected && s.sex === 'F').length;
      check(where, 'women elected cover the reserve', true, women >= expected.reserved - expected.shortOfWomen);
    }
  }
}

const emptyCount = (): BallotCount => ({ votes: {}, invalidBallots: 0 });
