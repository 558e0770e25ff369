import { Inject, Injectable } from '@nestjs/common';
import {
  allocateCityCouncil,
  allocateParliamentList,
  closingTime,
  PartyListAllocation,
  Territory,
  TerritoryLevel,
  walkTerritories,
} from '../../../libs/election/src';
import { Database } from '../../../libs/persistence/src';
import { ElectionRegistry, RegisteredElection } from '../../../libs/persistence/src/election-registry';
import { IdentificationPayload, Payload, ProtocolPayload, ResultPayload, Submission, TurnoutPayload } from './submission';
import { DATABASE, TALLY_CONFIG, TallyConfig } from './tally-config';
import { TallyMetrics } from './tally-metrics';

interface Versioned<P> {
  deviceId: string;
  sequence: number;
  payload: P;
  bodyHash: Buffer;
}

/** What is known of one precinct: each device counts with its latest message of a kind. */
interface PrecinctState {
  boxes: Map<string, Versioned<ResultPayload>>;
  protocol?: Versioned<ProtocolPayload>;
  identification: Map<string, Versioned<IdentificationPayload>>;
  /** Voters so far at each reporting hour (latest snapshot per hour). */
  turnout: Map<number, { sequence: number; voters: number }>;
}

/** The counts of a territory, as kept and as served. */
interface TerritoryCounts {
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

/** Running sums of one territory, kept up to date message by message. */
interface TerritoryAggregate extends TerritoryCounts {
  territory: Territory;
  timeline: Map<number, { voters: number; precinctsReporting: number }>;
  /** Flags that do not depend on the clock (all but not-reported). */
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

interface ElectionState {
  precincts: Map<string, PrecinctState>;
  aggregates: Map<string, TerritoryAggregate>;
  version: number;
  updatedAt: number;
  closedAt: number | null;
  seatsCache?: { version: number; seats: SeatsView };
}

export interface Figures {
  ballotsInBox: number;
  invalidBallots: number;
  againstAll: number;
  votes: Record<string, number>;
}

export type FlagKind = 'box-exceeds-identified' | 'box-manual-mismatch' | 'manual-only' | 'not-reported' | 'double-votes' | 'identified-below-issued';

export interface PrecinctFlag {
  kind: FlagKind;
  message: string;
  details: Record<string, unknown>;
}

export interface TerritoryResults extends TerritoryCounts {
  territoryId: string;
  name: string;
  level: TerritoryLevel;
  turnout: number;
  turnoutTimeline: { hour: number; voters: number; precinctsReporting: number; share: number }[];
  flags: Partial<Record<FlagKind, number>>;
}

export interface SeatsView {
  status: 'provisional' | 'final';
  closedBy: 'all-reported' | 'operator' | null;
  provisional: PartyListAllocation | null;
  final: PartyListAllocation | null;
}

/** What `GET /api/elections/{id}/results` answers for a territory (the whole election by default). */
export interface ElectionResults extends TerritoryResults {
  electionId: string;
  electionName: string;
  definitionHash: string;
  /** The territory's figures per party: preliminary and final votes, and the current seats (election level only). */
  parties: { id: string; name: string; votes: number; finalVotes: number; seats: number | null }[];
  seatsStatus: SeatsView['status'];
  updatedAt: string | null;
}


const emptyFigures = (): Figures => ({ ballotsInBox: 0, invalidBallots: 0, againstAll: 0, votes: {} });

function addFigures(into: Figures, f: Figures, sign = 1): void {
  into.ballotsInBox += sign * f.ballotsInBox;
  into.invalidBallots += sign * f.invalidBallots;
  into.againstAll += sign * f.againstAll;
  for (const [p, v] of Object.entries(f.votes)) into.votes[p] = (into.votes[p] ?? 0) + sign * v;
}

const copyFigures = (f: Figures): Figures => ({ ...f, votes: { ...f.votes } });

/**
 * The tally: every stored message applied to per-precinct state, and from it the figures of every
 * territory, the reconciliation flags and the seats. Preliminary figures come from the boxes, final
 * ones from manual protocols where they exist; both stay visible.
 */
@Injectable()
export class TallyService {
  private readonly elections = new Map<string, ElectionState>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    private readonly registry: ElectionRegistry,
    private readonly metrics: TallyMetrics,
  ) {}

  /** Rebuilds everything from the store, as after a restart. */
  async rebuild(): Promise<void> {
    this.elections.clear();
    for (const e of await this.db.prisma.election.findMany({ where: { closedAt: { not: null } }, select: { id: true, closedAt: true } })) {
      this.stateOf(e.id).closedAt = e.closedAt!.getTime();
    }
    const batch = 10_000;
    for (let after = BigInt(0); ; ) {
      const rows = await this.db.prisma.submission.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: batch });
      for (const r of rows) {
        this.apply({ ...r, kind: r.kind as Submission['kind'], payload: r.payload as unknown as Payload, bodyHash: Buffer.from(r.bodyHash), envelope: Buffer.alloc(0) }, r.receivedAt.getTime());
      }
      if (rows.length < batch) break;
      after = rows[rows.length - 1].id;
    }
  }

  /** The sequence a new message of this kind from this device must not be older than. */
  latestSequence(s: Pick<Submission, 'kind' | 'electionId' | 'precinctId' | 'deviceId'>): number | undefined {
    const p = this.elections.get(s.electionId)?.precincts.get(s.precinctId);
    if (!p) return undefined;
    if (s.kind === 'result') return p.boxes.get(s.deviceId)?.sequence;
    if (s.kind === 'protocol') return p.protocol?.deviceId === s.deviceId ? p.protocol.sequence : undefined;
    if (s.kind === 'identification') return p.identification.get(s.deviceId)?.sequence;
    return undefined;
  }

  /** Applies a stored message; false when a later one of the same device and kind already counts. */
  apply(s: Submission, now: number): boolean {
    const e = this.stateOf(s.electionId);
    let p = e.precincts.get(s.precinctId);
    if (!p) {
      p = { boxes: new Map(), identification: new Map(), turnout: new Map() };
      e.precincts.set(s.precinctId, p);
    }
    const before = contribution(p);
    const versioned = { deviceId: s.deviceId, sequence: s.sequence, payload: s.payload as any, bodyHash: s.bodyHash };
    const newer = (old?: { sequence: number }) => !old || old.sequence < s.sequence;
    let changed = false;
    if (s.kind === 'result' && newer(p.boxes.get(s.deviceId))) {
      p.boxes.set(s.deviceId, versioned);
      changed = true;
    } else if (s.kind === 'protocol' && newer(p.protocol)) {
      p.protocol = versioned;
      changed = true;
    } else if (s.kind === 'identification' && newer(p.identification.get(s.deviceId))) {
      p.identification.set(s.deviceId, versioned);
      changed = true;
    } else if (s.kind === 'turnout') {
      const t = s.payload as TurnoutPayload;
      if (newer(p.turnout.get(t.hour))) {
        p.turnout.set(t.hour, { sequence: s.sequence, voters: t.voters });
        changed = true;
      }
    }
    if (!changed) return false;
    const after = contribution(p);
    const path = [...(this.registry.election(s.electionId)?.ancestors.get(s.precinctId) ?? []), s.precinctId];
    for (const id of path) {
      const agg = e.aggregates.get(id);
      if (!agg) continue;
      contribute(agg, before, -1);
      contribute(agg, after, 1);
    }
    e.version++;
    e.updatedAt = now;
    return true;
  }

  /** Closes the count by an operator's decision: the seats become final on the figures at hand. */
  async close(electionId: string, now: number): Promise<void> {
    await this.db.prisma.election.update({ where: { id: electionId }, data: { closedAt: new Date(now) } });
    const e = this.stateOf(electionId);
    e.closedAt = now;
    e.version++;
  }

  results(electionId: string, territoryId?: string): ElectionResults | null {
    const election = this.registry.election(electionId);
    if (!election) return null;
    const t = this.territoryResults(election, territoryId ?? election.definition.territory.id);
    if (!t) return null;
    const seatsView = this.seats(electionId)!;
    const parties = (election.definition.contests[0]?.parties ?? []).slice().sort((a, b) => a.order - b.order);
    const atRoot = t.territoryId === election.definition.territory.id;
    const seats = seatsView.status === 'final' ? seatsView.final : seatsView.provisional;
    const e = this.stateOf(electionId);
    return {
      electionId,
      electionName: election.definition.name,
      definitionHash: election.hash,
      ...t,
      parties: parties.map((p) => ({
        id: p.id,
        name: p.name,
        votes: t.preliminary.votes[p.id] ?? 0,
        finalVotes: t.final.votes[p.id] ?? 0,
        seats: atRoot && seats ? (seats.seats[p.id] ?? 0) : null,
      })),
      seatsStatus: seatsView.status,
      updatedAt: e.updatedAt ? new Date(e.updatedAt).toISOString() : null,
    };
  }

  /** Every territory of one level (or all), for listings, publication and exports. */
  territories(electionId: string, level?: TerritoryLevel): TerritoryResults[] {
    const election = this.registry.election(electionId);
    if (!election) return [];
    return [...this.stateOf(electionId).aggregates.values()]
      .filter((a) => !level || a.territory.level === level)
      .map((a) => this.territoryResults(election, a.territory.id)!);
  }

  /** Provisional seats from the boxes; final ones when every precinct has reported or an operator closed the count. */
  seats(electionId: string): SeatsView | null {
    const election = this.registry.election(electionId);
    if (!election) return null;
    const e = this.stateOf(electionId);
    if (e.seatsCache?.version === e.version) return e.seatsCache.seats;
    const root = e.aggregates.get(election.definition.territory.id)!;
    const allReported = root.precinctsReporting === root.precinctsTotal;
    const closedBy = e.closedAt !== null ? 'operator' : allReported ? 'all-reported' : null;
    const seats: SeatsView = {
      status: closedBy ? 'final' : 'provisional',
      closedBy,
      provisional: allocate(election, e.aggregates, 'preliminary'),
      final: closedBy ? allocate(election, e.aggregates, 'final') : null,
    };
    e.seatsCache = { version: e.version, seats };
    return seats;
  }

  precinct(electionId: string, precinctId: string) {
    const election = this.registry.election(electionId);
    const territory = election?.precincts.get(precinctId);
    if (!election || !territory) return null;
    const p = this.stateOf(electionId).precincts.get(precinctId);
    const hash = (v?: Versioned<unknown>) => v && { deviceId: v.deviceId, sequence: v.sequence, bodySha256: v.bodyHash.toString('hex'), ...(v.payload as object) };
    return {
      precinctId,
      name: territory.name,
      registeredVoters: territory.registeredVoters ?? 0,
      boxResults: [...(p?.boxes.values() ?? [])].map(hash),
      manualProtocol: hash(p?.protocol) ?? null,
      identificationReports: [...(p?.identification.values() ?? [])].map(hash),
      turnout: [...(p?.turnout.entries() ?? [])].sort(([a], [b]) => a - b).map(([hour, t]) => ({ hour, voters: t.voters })),
      flags: precinctFlags(p, this.config.clock.now(), this.deadline(election)),
    };
  }

  private deadline(election: RegisteredElection): number {
    return closingTime(election.definition.date) + this.config.reportingDeadlineMs;
  }

  private stateOf(electionId: string): ElectionState {
    let e = this.elections.get(electionId);
    if (!e) {
      e = { precincts: new Map(), aggregates: new Map(), version: 0, updatedAt: 0, closedAt: null };
      const election = this.registry.election(electionId);
      if (election) seedAggregates(election.definition.territory, e.aggregates);
      this.elections.set(electionId, e);
    }
    return e;
  }

  /** A territory's figures as served: the running sums, plus the flags that depend on the clock. */
  private territoryResults(election: RegisteredElection, territoryId: string): TerritoryResults | null {
    const a = this.stateOf(election.definition.id).aggregates.get(territoryId);
    if (!a) return null;
    if (a.territory.id === election.definition.territory.id) {
      this.metrics.precinctsReporting.set({ election: election.definition.id }, a.precinctsReporting);
    }
    const flags = Object.fromEntries([...a.flags].filter(([, n]) => n > 0)) as Partial<Record<FlagKind, number>>;
    const silent = a.precinctsTotal - a.precinctsReporting;
    if (silent > 0 && this.config.clock.now() > this.deadline(election)) flags['not-reported'] = silent;
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
}

/** An empty aggregate for every territory of the tree, with its voters and precincts. */
function seedAggregates(t: Territory, into: Map<string, TerritoryAggregate>): TerritoryAggregate {
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
  for (const child of t.children ?? []) {
    const c = seedAggregates(child, into);
    agg.registeredVoters += c.registeredVoters;
    agg.precinctsTotal += c.precinctsTotal;
  }
  into.set(t.id, agg);
  return agg;
}

function contribution(p: PrecinctState): Contribution {
  const preliminary = p.boxes.size ? boxFigures(p) : null;
  const manual = p.protocol ? protocolFigures(p.protocol.payload) : null;
  return {
    reporting: !!(preliminary || manual),
    protocol: !!manual,
    preliminary,
    final: manual ?? preliminary,
    turnout: new Map([...p.turnout].map(([hour, t]) => [hour, t.voters])),
    flags: precinctFlags(p, 0, Infinity).map((f) => f.kind),
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

function boxFigures(p: PrecinctState): Figures {
  const f = emptyFigures();
  for (const { payload } of p.boxes.values()) addFigures(f, payload);
  return f;
}

function protocolFigures(p: ProtocolPayload): Figures {
  return { ballotsInBox: p.ballotsInBox, invalidBallots: p.invalidBallots, againstAll: p.againstAll, votes: p.votes };
}

/** The reconciliation of one precinct: what disagrees, what is missing, what was found at sync. */
export function precinctFlags(p: PrecinctState | undefined, now: number, deadline: number): PrecinctFlag[] {
  const flags: PrecinctFlag[] = [];
  const box = p && p.boxes.size ? boxFigures(p) : null;
  const protocol = p?.protocol?.payload;
  const reports = [...(p?.identification.values() ?? [])].map((r) => r.payload);
  const identified = reports.reduce((s, r) => s + r.identifiedByFingerprint + r.identifiedByFace, 0);
  if (!box && !protocol && now > deadline) {
    flags.push({ kind: 'not-reported', message: `no result ${Math.round((now - deadline) / 60000)} min after the reporting deadline`, details: { deadline: new Date(deadline).toISOString() } });
  }
  if (box && reports.length && box.ballotsInBox > identified) {
    flags.push({ kind: 'box-exceeds-identified', message: `${box.ballotsInBox} ballots in the box, ${identified} voters identified`, details: { ballotsInBox: box.ballotsInBox, identified } });
  }
  if (protocol && reports.length && identified < protocol.ballotsIssued) {
    flags.push({ kind: 'identified-below-issued', message: `${protocol.ballotsIssued} ballots issued, ${identified} voters identified`, details: { ballotsIssued: protocol.ballotsIssued, identified } });
  }
  if (protocol && !box) {
    flags.push({ kind: 'manual-only', message: protocol.boxFailed ? 'the box failed: counted by hand only' : 'manual protocol without a box result', details: { boxFailed: protocol.boxFailed } });
  }
  if (protocol && box) {
    const differences: Record<string, number> = {};
    for (const party of new Set([...Object.keys(box.votes), ...Object.keys(protocol.votes)])) {
      const d = (box.votes[party] ?? 0) - (protocol.votes[party] ?? 0);
      if (d) differences[party] = d;
    }
    if (box.invalidBallots !== protocol.invalidBallots) differences.invalid = box.invalidBallots - protocol.invalidBallots;
    if (box.againstAll !== protocol.againstAll) differences.againstAll = box.againstAll - protocol.againstAll;
    if (Object.keys(differences).length) {
      flags.push({ kind: 'box-manual-mismatch', message: `box and manual count differ (box − manual): ${JSON.stringify(differences)}`, details: { differences } });
    }
  }
  const doubles = reports.flatMap((r) => r.doubleVotes);
  if (doubles.length) flags.push({ kind: 'double-votes', message: `${doubles.length} voter(s) identified here and elsewhere`, details: { doubleVotes: doubles } });
  return flags;
}

function allocate(election: RegisteredElection, territories: Map<string, TerritoryAggregate>, which: 'preliminary' | 'final'): PartyListAllocation | null {
  const contest = election.definition.contests[0];
  const root = territories.get(election.definition.territory.id)!;
  const figures = root[which];
  if (!contest || figures.ballotsInBox === 0) return null;
  const votes = Object.fromEntries((contest.parties ?? []).map((p) => [p.id, figures.votes[p.id] ?? 0]));
  const input = { seats: contest.seats, participated: figures.ballotsInBox, votes, againstAll: figures.againstAll, seed: election.hash };
  const rules = { threshold: contest.rules.threshold, thresholdBase: contest.rules.thresholdBase };
  if (contest.system === 'city-council') return allocateCityCouncil(input, rules);
  if (contest.system === 'parliament-list') {
    const regions = Object.fromEntries(
      [...walkTerritories(election.definition.territory)]
        .filter(({ territory }) => territory.level === 'region')
        .map(({ territory }) => {
          const r = territories.get(territory.id)![which];
          return [territory.name, { participated: r.ballotsInBox, votes: r.votes, againstAll: r.againstAll }];
        }),
    );
    return allocateParliamentList({ ...input, regions, cap: contest.rules.cap }, { ...rules, regionalThreshold: contest.rules.regionalThreshold });
  }
  return null;
}
