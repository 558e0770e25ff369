import { allocateCityCouncil } from '../city-council';
import { ElectionDefinition, Territory, TerritoryLevel, walkTerritories } from '../definition';
import { allocateParliamentList } from '../parliament';
import { PartyListAllocation } from '../party-list';
import { addFigures, copyFigures, emptyFigures, Figures } from './figures';
import { applyToPrecinct, boxFigures, countedSequence, emptyPrecinct, PrecinctState, protocolFigures } from './precinct';
import { FlagKind, precinctFlags } from './precinct-flags';
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
}

/** What one precinct adds to each territory above it. */
interface Contribution {
  reporting: boolean;
  protocol: boolean;
  preliminary: Figures | null;
  final: Figures | null;
  turnout: Map<number, number>;
  flags: FlagKind[];
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
}

export function createElectionTally(definition: ElectionDefinition): ElectionTally {
  const territories = new Map<string, TerritoryAggregate>();
  seed(definition.territory, territories);
  const paths = new Map(
    [...walkTerritories(definition.territory)]
      .filter(({ territory }) => territory.level === 'precinct')
      .map(({ territory, ancestors }) => [territory.id, [...ancestors, territory.id]]),
  );
  return { definition, precincts: new Map(), territories, paths, version: 0 };
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
  const before = contribution(p, registered);
  if (!applyToPrecinct(p, report)) return false;
  const after = contribution(p, registered);
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
  const votes = Object.fromEntries((contest.parties ?? []).map((p) => [p.id, figures.votes[p.id] ?? 0]));
  const input = { seats: contest.seats, participated: figures.ballotsInBox, votes, againstAll: figures.againstAll, seed };
  const rules = { threshold: contest.rules.threshold, thresholdBase: contest.rules.thresholdBase };
  if (contest.system === 'city-council') return allocateCityCouncil(input, rules);
  if (contest.system === 'parliament-list') {
    const regions = Object.fromEntries(
      [...tally.territories.values()]
        .filter((a) => a.territory.level === 'region')
        .map((a) => [a.territory.name, { participated: a[which].ballotsInBox, votes: a[which].votes, againstAll: a[which].againstAll }]),
    );
    return allocateParliamentList({ ...input, regions, cap: contest.rules.cap }, { ...rules, regionalThreshold: contest.rules.regionalThreshold });
  }
  return null;
}

/** An empty aggregate for every territory of the tree, with its voters and precincts. */
function seed(t: Territory, into: Map<string, TerritoryAggregate>): TerritoryAggregate {
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
  };
  if (t.level === 'precinct') {
    agg.registeredVoters = t.registeredVoters ?? 0;
    agg.precinctsTotal = 1;
  }
  into.set(t.id, agg);
  for (const child of t.children ?? []) {
    const c = seed(child, into);
    agg.registeredVoters += c.registeredVoters;
    agg.precinctsTotal += c.precinctsTotal;
  }
  return agg;
}

function contribution(p: PrecinctState, registeredVoters: number): Contribution {
  const preliminary = boxFigures(p);
  const manual = p.protocol ? protocolFigures(p.protocol.payload) : null;
  return {
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
}
