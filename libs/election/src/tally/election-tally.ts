import { allocateCityCouncil } from '../city-council';
import { Contest, contestsAt, ElectionDefinition, precinctPaths, Territory, TerritoryLevel } from '../definition';
import { allocateParliamentList, allocateSingleMember, SingleMemberResult } from '../parliament';
import { allocateVillageCouncil, VillageCouncilAllocation } from '../village-council';
import { PartyListAllocation } from '../party-list';
import { addFigures, copyFigures, emptyFigures, Figures } from './figures';
import { applyToPrecinct, boxContestFigures, boxFigures, contestFigures, countedSequence, emptyPrecinct, PrecinctState, protocolFigures } from './precinct';
import { figureDifferences, FlagKind, precinctFlags } from './precinct-flags';
import { PrecinctReport } from './reports';

/** The counts of a territory, as kept and as served. */
export interface TerritoryCounts {
  registeredVoters: number;
  precinctsTotal: number;
  /** Precincts with a box result or a manual protocol. */
  precinctsReporting: number;
  precinctsWithProtocol: number;
  /** From the ballot boxes. */
  preliminary: Figures;
  /** From the manual protocols where they exist, the boxes elsewhere. */
  final: Figures;
}

/** One contest's counts within a territory: over the precincts of both. */
export interface ContestCounts {
  precinctsTotal: number;
  /** Precincts whose box or protocol counted this contest. */
  precinctsReporting: number;
  precinctsWithProtocol: number;
  preliminary: Figures;
  final: Figures;
  /** This contest's reconciliation flags: precincts whose box and hand count of it differ, and those counted by hand only. */
  flags: { 'box-manual-mismatch': number; 'manual-only': number };
}

/** A territory's figures at a moment: the running sums, and the flags that depend on the time. */
export interface TerritoryResults extends TerritoryCounts {
  territoryId: string;
  name: string;
  level: TerritoryLevel;
  turnout: number;
  turnoutTimeline: { hour: number; voters: number; precinctsReporting: number; share: number }[];
  flags: Partial<Record<FlagKind, number>>;
}

/** Running sums of one territory, kept up to date report by report. */
interface TerritoryAggregate extends TerritoryCounts {
  territory: Territory;
  timeline: Map<number, { voters: number; precinctsReporting: number }>;
  /** Flags that do not depend on the time (all but not-reported). */
  flags: Map<FlagKind, number>;
  /** Per contest with a precinct here. */
  contests: Map<string, ContestCounts>;
}

/** What one precinct adds to one contest's counts. */
interface ContestContribution {
  reporting: boolean;
  protocol: boolean;
  preliminary: Figures | null;
  final: Figures | null;
  mismatch: boolean;
}

/** What one precinct adds to each territory above it. */
interface Contribution {
  reporting: boolean;
  protocol: boolean;
  preliminary: Figures | null;
  final: Figures | null;
  turnout: Map<number, number>;
  flags: FlagKind[];
  contests: Map<string, ContestContribution>;
}

/**
 * The tally of one election: every precinct's state and the running sums of every territory.
 * Plain data, changed in place by `applyReport`; each report updates only the territories on its
 * precinct's path (subtract what the precinct added before, add what it adds now).
 */
export interface ElectionTally {
  definition: ElectionDefinition;
  precincts: Map<string, PrecinctState>;
  territories: Map<string, TerritoryAggregate>;
  /** Each precinct's territories, from the root down to the precinct itself. */
  paths: Map<string, string[]>;
  /** Counts the changes; a cache of anything derived (seats) is good while it stands. */
  version: number;
  /** Each precinct's contests (contestsAt), in the definition's order: the first is its messages' own count. */
  contestsOf: Map<string, string[]>;
}

export function createElectionTally(definition: ElectionDefinition): ElectionTally {
  const territories = new Map<string, TerritoryAggregate>();
  const paths = precinctPaths(definition.territory);
  const contestsOf = new Map([...paths].map(([id, path]) => [id, contestsAt(definition, path).map((c) => c.id)]));
  seed(definition.territory, territories, contestsOf);
  return { definition, precincts: new Map(), territories, paths, version: 0, contestsOf };
}

/** The sequence that a new report of this kind from this device must not be older than. */
export function countedSequenceOf(tally: ElectionTally, report: Pick<PrecinctReport, 'kind' | 'deviceId' | 'precinctId'>): number | undefined {
  return countedSequence(tally.precincts.get(report.precinctId), report);
}

/**
 * Takes one report into the tally, in place. False (and nothing changed) when the precinct is not
 * in the election, or when this report or a later one of the same device and kind already counts:
 * applying a report twice, or in any order among others, gives the same tally.
 */
export function applyReport(tally: ElectionTally, report: PrecinctReport): boolean {
  const path = tally.paths.get(report.precinctId);
  if (!path) return false;
  let p = tally.precincts.get(report.precinctId);
  if (!p) tally.precincts.set(report.precinctId, (p = emptyPrecinct()));
  const registered = tally.territories.get(report.precinctId)!.registeredVoters;
  const contests = tally.contestsOf.get(report.precinctId)!;
  const before = contribution(p, registered, contests);
  if (!applyToPrecinct(p, report)) return false;
  const after = contribution(p, registered, contests);
  for (const id of path) {
    const agg = tally.territories.get(id)!;
    contribute(agg, before, -1);
    contribute(agg, after, 1);
  }
  tally.version++;
  return true;
}

/** A territory's figures; `not-reported` counts precincts silent past `deadline` at `now`. */
export function territoryResults(tally: ElectionTally, territoryId: string, now: number, deadline: number): TerritoryResults | null {
  const a = tally.territories.get(territoryId);
  if (!a) return null;
  const flags = Object.fromEntries([...a.flags].filter(([, n]) => n > 0)) as Partial<Record<FlagKind, number>>;
  const silent = a.precinctsTotal - a.precinctsReporting;
  if (silent > 0 && now > deadline) flags['not-reported'] = silent;
  return {
    territoryId: a.territory.id,
    name: a.territory.name,
    level: a.territory.level,
    registeredVoters: a.registeredVoters,
    precinctsTotal: a.precinctsTotal,
    precinctsReporting: a.precinctsReporting,
    precinctsWithProtocol: a.precinctsWithProtocol,
    preliminary: copyFigures(a.preliminary),
    final: copyFigures(a.final),
    turnout: a.registeredVoters ? a.preliminary.ballotsInBox / a.registeredVoters : 0,
    turnoutTimeline: [...a.timeline.entries()]
      .filter(([, v]) => v.precinctsReporting > 0)
      .sort(([x], [y]) => x - y)
      .map(([hour, v]) => ({ hour, ...v, share: a.registeredVoters ? v.voters / a.registeredVoters : 0 })),
    flags,
  };
}

/** Whether every precinct of the election has a box result or a manual protocol. */
export function allReported(tally: ElectionTally): boolean {
  const root = tally.territories.get(tally.definition.territory.id)!;
  return root.precinctsReporting === root.precinctsTotal;
}

/** The ids of every territory of a level (or all), in the order of the tree. */
export function territoryIds(tally: ElectionTally, level?: TerritoryLevel): string[] {
  return [...tally.territories.values()].filter((a) => !level || a.territory.level === level).map((a) => a.territory.id);
}

/**
 * The seats of the election's first contest on the preliminary (boxes) or final (protocols)
 * figures of the whole territory; null before any ballot is counted or for a system the tally
 * does not allocate. Lots are drawn with `seed` (the definition hash, so every server draws alike).
 */
export function tallySeats(tally: ElectionTally, which: 'preliminary' | 'final', seed: string): PartyListAllocation | null {
  const { definition } = tally;
  const contest = definition.contests[0];
  const figures = tally.territories.get(definition.territory.id)![which];
  if (!contest || figures.ballotsInBox === 0) return null;
  return partyListSeats(tally, contest, figures, (a) => a[which], seed);
}

/** A party-list contest's seats on `figures`, the regions' figures (for a regional threshold) read by `regionFigures`. */
function partyListSeats(
  tally: ElectionTally,
  contest: Contest,
  figures: Figures,
  regionFigures: (a: TerritoryAggregate) => Figures | undefined,
  seed: string,
): PartyListAllocation | null {
  const votes = Object.fromEntries((contest.parties ?? []).map((p) => [p.id, figures.votes[p.id] ?? 0]));
  const input = { seats: contest.seats, participated: figures.ballotsInBox, votes, againstAll: figures.againstAll, seed };
  const rules = { threshold: contest.rules.threshold, thresholdBase: contest.rules.thresholdBase };
  if (contest.system === 'city-council') return allocateCityCouncil(input, rules);
  if (contest.system === 'parliament-list') {
    const regions = Object.fromEntries(
      [...tally.territories.values()]
        .filter((a) => a.territory.level === 'region')
        .map((a) => [a.territory.name, regionFigures(a) ?? emptyFigures()] as const)
        .map(([name, f]) => [name, { participated: f.ballotsInBox, votes: f.votes, againstAll: f.againstAll }]),
    );
    return allocateParliamentList({ ...input, regions, cap: contest.rules.cap }, { ...rules, regionalThreshold: contest.rules.regionalThreshold });
  }
  return null;
}

/** One contest's counts in a territory (the territory's own share of the contest), or null when none of its precincts votes in it. */
export function contestCounts(tally: ElectionTally, contestId: string, territoryId: string): ContestCounts | null {
  const c = tally.territories.get(territoryId)?.contests.get(contestId);
  return c ? { ...c, preliminary: copyFigures(c.preliminary), final: copyFigures(c.final), flags: { ...c.flags } } : null;
}

/** What the law gives a contest on its figures: seats of a list, a district's winner, a village council's elected with its reserve. */
export type ContestOutcome =
  | { system: 'city-council' | 'parliament-list'; seats: PartyListAllocation }
  | { system: 'single-member'; single: SingleMemberResult }
  | { system: 'village-council'; council: VillageCouncilAllocation };

/**
 * A contest's outcome on the preliminary (boxes) or final (protocols) figures of its territory;
 * null before any of its ballots is counted. Lots are drawn with `seed` (the definition hash).
 */
export function contestOutcome(tally: ElectionTally, contest: Contest, which: 'preliminary' | 'final', seed: string): ContestOutcome | null {
  const counts = tally.territories.get(contest.territoryId)?.contests.get(contest.id);
  const figures = counts?.[which];
  if (!figures || figures.ballotsInBox === 0) return null;
  const candidates = contest.candidates ?? [];
  const votesOf = (id: string) => figures.votes[id] ?? 0;
  switch (contest.system) {
    case 'single-member': {
      const registration = Object.fromEntries(candidates.filter((c) => c.registration !== undefined).map((c) => [c.id, c.registration!]));
      return { system: 'single-member', single: allocateSingleMember(Object.fromEntries(candidates.map((c) => [c.id, votesOf(c.id)])), seed, registration) };
    }
    case 'village-council':
      return {
        system: 'village-council',
        council: allocateVillageCouncil({
          seats: contest.seats,
          candidates: candidates.map((c) => ({ id: c.id, sex: c.sex, votes: votesOf(c.id) })),
          womenReserve: contest.rules.womenReserve,
          seed,
        }),
      };
    default: {
      const seats = partyListSeats(tally, contest, figures, (a) => a.contests.get(contest.id)?.[which], seed);
      return seats && { system: contest.system, seats };
    }
  }
}

/** An empty aggregate for every territory of the tree, with its voters and precincts (also per contest). */
function seed(t: Territory, into: Map<string, TerritoryAggregate>, contestsOf: Map<string, string[]>): TerritoryAggregate {
  const agg: TerritoryAggregate = {
    territory: t,
    registeredVoters: 0,
    precinctsTotal: 0,
    precinctsReporting: 0,
    precinctsWithProtocol: 0,
    preliminary: emptyFigures(),
    final: emptyFigures(),
    timeline: new Map(),
    flags: new Map(),
    contests: new Map(),
  };
  const count = (id: string, precincts: number) => {
    const c = agg.contests.get(id) ?? emptyContestCounts();
    c.precinctsTotal += precincts;
    agg.contests.set(id, c);
  };
  if (t.level === 'precinct') {
    agg.registeredVoters = t.registeredVoters ?? 0;
    agg.precinctsTotal = 1;
    for (const id of contestsOf.get(t.id) ?? []) count(id, 1);
  }
  into.set(t.id, agg);
  for (const child of t.children ?? []) {
    const c = seed(child, into, contestsOf);
    agg.registeredVoters += c.registeredVoters;
    agg.precinctsTotal += c.precinctsTotal;
    for (const [id, cc] of c.contests) count(id, cc.precinctsTotal);
  }
  return agg;
}

/** A contest's counts before any of its precincts: what a territory without it reads as. */
export const emptyContestCounts = (): ContestCounts => ({
  precinctsTotal: 0,
  precinctsReporting: 0,
  precinctsWithProtocol: 0,
  preliminary: emptyFigures(),
  final: emptyFigures(),
  flags: { 'box-manual-mismatch': 0, 'manual-only': 0 },
});

function contribution(p: PrecinctState, registeredVoters: number, contestIds: string[]): Contribution {
  const preliminary = boxFigures(p);
  const manual = p.protocol ? protocolFigures(p.protocol.payload) : null;
  const boxes = boxContestFigures(p, contestIds[0]);
  const protocols = p.protocol ? contestFigures(p.protocol.payload, contestIds[0]) : new Map<string, Figures>();
  const contests = new Map<string, ContestContribution>();
  for (const id of contestIds) {
    const box = boxes.get(id) ?? null;
    const hand = protocols.get(id) ?? null;
    contests.set(id, {
      reporting: !!(box || hand),
      protocol: !!hand,
      preliminary: box,
      final: hand ?? box,
      mismatch: !!(box && hand && Object.keys(figureDifferences(box, hand)).length),
    });
  }
  return {
    contests,
    reporting: !!(preliminary || manual),
    protocol: !!manual,
    preliminary,
    final: manual ?? preliminary,
    turnout: new Map([...p.turnout].map(([hour, t]) => [hour, t.voters])),
    flags: precinctFlags(p, 0, Infinity, registeredVoters).map((f) => f.kind),
  };
}

function contribute(a: TerritoryAggregate, c: Contribution, sign: 1 | -1): void {
  a.precinctsReporting += sign * Number(c.reporting);
  a.precinctsWithProtocol += sign * Number(c.protocol);
  if (c.preliminary) addFigures(a.preliminary, c.preliminary, sign);
  if (c.final) addFigures(a.final, c.final, sign);
  for (const [hour, voters] of c.turnout) {
    const at = a.timeline.get(hour) ?? { voters: 0, precinctsReporting: 0 };
    at.voters += sign * voters;
    at.precinctsReporting += sign;
    a.timeline.set(hour, at);
  }
  for (const kind of c.flags) a.flags.set(kind, (a.flags.get(kind) ?? 0) + sign);
  for (const [id, cc] of c.contests) {
    const counts = a.contests.get(id)!;
    counts.precinctsReporting += sign * Number(cc.reporting);
    counts.precinctsWithProtocol += sign * Number(cc.protocol);
    if (cc.preliminary) addFigures(counts.preliminary, cc.preliminary, sign);
    if (cc.final) addFigures(counts.final, cc.final, sign);
    counts.flags['box-manual-mismatch'] += sign * Number(cc.mismatch);
    counts.flags['manual-only'] += sign * Number(cc.protocol && !cc.preliminary);
  }
}
