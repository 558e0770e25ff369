import { Inject, Injectable } from '@nestjs/common';
import {
  allocateCityCouncil,
  allocateParliamentList,
  PartyListAllocation,
  Territory,
  TerritoryLevel,
  walkTerritories,
} from '../../../libs/election/src';
import { Database } from '../../../libs/persistence/src';
import { ElectionRegistry, RegisteredElection } from './election-registry';
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

interface ElectionState {
  precincts: Map<string, PrecinctState>;
  version: number;
  updatedAt: number;
  closedAt: number | null;
  cache?: { version: number; at: number; view: ElectionView };
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

export interface TerritoryResults {
  territoryId: string;
  name: string;
  level: TerritoryLevel;
  registeredVoters: number;
  precinctsTotal: number;
  /** Precincts with a box result or a manual protocol. */
  precinctsReporting: number;
  precinctsWithProtocol: number;
  /** From the ballot boxes. */
  preliminary: Figures;
  /** From the manual protocols where they exist, the boxes elsewhere. */
  final: Figures;
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

interface ElectionView {
  territories: Map<string, TerritoryResults>;
  flags: Map<string, PrecinctFlag[]>;
  seats: SeatsView;
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

/** Polls close at 20:00 Bishkek time (UTC+6). */
export function closingTime(date: string): number {
  return Date.parse(`${date}T20:00:00+06:00`);
}

const emptyFigures = (): Figures => ({ ballotsInBox: 0, invalidBallots: 0, againstAll: 0, votes: {} });

function addFigures(into: Figures, f: Figures): void {
  into.ballotsInBox += f.ballotsInBox;
  into.invalidBallots += f.invalidBallots;
  into.againstAll += f.againstAll;
  for (const [p, v] of Object.entries(f.votes)) into.votes[p] = (into.votes[p] ?? 0) + v;
}

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
    if (changed) {
      e.version++;
      e.updatedAt = now;
    }
    return changed;
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
    const view = this.view(election);
    const t = view.territories.get(territoryId ?? election.definition.territory.id);
    if (!t) return null;
    const parties = (election.definition.contests[0]?.parties ?? []).slice().sort((a, b) => a.order - b.order);
    const atRoot = t.territoryId === election.definition.territory.id;
    const seats = view.seats.status === 'final' ? view.seats.final : view.seats.provisional;
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
      seatsStatus: view.seats.status,
      updatedAt: e.updatedAt ? new Date(e.updatedAt).toISOString() : null,
    };
  }

  /** Every territory of one level (or all), for listings and publication. */
  territories(electionId: string, level?: TerritoryLevel): TerritoryResults[] {
    const election = this.registry.election(electionId);
    if (!election) return [];
    return [...this.view(election).territories.values()].filter((t) => !level || t.level === level);
  }

  seats(electionId: string): SeatsView | null {
    const election = this.registry.election(electionId);
    return election ? this.view(election).seats : null;
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
      flags: this.view(election).flags.get(precinctId) ?? [],
    };
  }

  private stateOf(electionId: string): ElectionState {
    let e = this.elections.get(electionId);
    if (!e) {
      e = { precincts: new Map(), version: 0, updatedAt: 0, closedAt: null };
      this.elections.set(electionId, e);
    }
    return e;
  }

  /** The whole election's figures, flags and seats; recomputed only after a change (or once a minute, for deadlines). */
  private view(election: RegisteredElection): ElectionView {
    const e = this.stateOf(election.definition.id);
    const now = this.config.clock.now();
    if (e.cache && e.cache.version === e.version && now - e.cache.at < 60_000) return e.cache.view;
    const deadline = closingTime(election.definition.date) + this.config.reportingDeadlineMs;
    const flags = new Map<string, PrecinctFlag[]>();
    const territories = new Map<string, TerritoryResults>();
    const summarize = (t: Territory): TerritoryResults => {
      const out: TerritoryResults = {
        territoryId: t.id,
        name: t.name,
        level: t.level,
        registeredVoters: 0,
        precinctsTotal: 0,
        precinctsReporting: 0,
        precinctsWithProtocol: 0,
        preliminary: emptyFigures(),
        final: emptyFigures(),
        turnout: 0,
        turnoutTimeline: [],
        flags: {},
      };
      const timeline = new Map<number, { voters: number; precinctsReporting: number }>();
      if (t.level === 'precinct') {
        const p = e.precincts.get(t.id);
        const f = precinctFlags(p, now, deadline);
        if (f.length) flags.set(t.id, f);
        out.registeredVoters = t.registeredVoters ?? 0;
        out.precinctsTotal = 1;
        const prelim = p && p.boxes.size ? boxFigures(p) : null;
        const manual = p?.protocol ? protocolFigures(p.protocol.payload) : null;
        if (prelim || manual) out.precinctsReporting = 1;
        if (manual) out.precinctsWithProtocol = 1;
        if (prelim) addFigures(out.preliminary, prelim);
        if (manual ?? prelim) addFigures(out.final, (manual ?? prelim)!);
        for (const [hour, s] of p?.turnout ?? []) timeline.set(hour, { voters: s.voters, precinctsReporting: 1 });
        for (const flag of f) out.flags[flag.kind] = 1;
      } else {
        for (const child of t.children ?? []) {
          const c = summarize(child);
          out.registeredVoters += c.registeredVoters;
          out.precinctsTotal += c.precinctsTotal;
          out.precinctsReporting += c.precinctsReporting;
          out.precinctsWithProtocol += c.precinctsWithProtocol;
          addFigures(out.preliminary, c.preliminary);
          addFigures(out.final, c.final);
          for (const point of c.turnoutTimeline) {
            const at = timeline.get(point.hour) ?? { voters: 0, precinctsReporting: 0 };
            at.voters += point.voters;
            at.precinctsReporting += point.precinctsReporting;
            timeline.set(point.hour, at);
          }
          for (const [k, n] of Object.entries(c.flags)) out.flags[k as FlagKind] = (out.flags[k as FlagKind] ?? 0) + n!;
        }
      }
      out.turnout = out.registeredVoters ? out.preliminary.ballotsInBox / out.registeredVoters : 0;
      out.turnoutTimeline = [...timeline.entries()]
        .sort(([a], [b]) => a - b)
        .map(([hour, v]) => ({ hour, ...v, share: out.registeredVoters ? v.voters / out.registeredVoters : 0 }));
      territories.set(t.id, out);
      return out;
    };
    const root = summarize(election.definition.territory);
    this.metrics.precinctsReporting.set({ election: election.definition.id }, root.precinctsReporting);
    const allReported = root.precinctsReporting === root.precinctsTotal;
    const closedBy = e.closedAt !== null ? 'operator' : allReported ? 'all-reported' : null;
    const seats: SeatsView = {
      status: closedBy ? 'final' : 'provisional',
      closedBy,
      provisional: allocate(election, territories, 'preliminary'),
      final: closedBy ? allocate(election, territories, 'final') : null,
    };
    const view = { territories, flags, seats };
    e.cache = { version: e.version, at: now, view };
    return view;
  }
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

function allocate(election: RegisteredElection, territories: Map<string, TerritoryResults>, which: 'preliminary' | 'final'): PartyListAllocation | null {
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
