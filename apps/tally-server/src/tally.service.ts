import { Clock } from '@shailoo/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ContestResults, ContestSelection, ElectionResults, SeatsView } from '@shailoo/contracts';
import {
  allReported,
  applyReport,
  ballotLines,
  closingTime,
  Contest,
  contestCounts,
  ContestOutcome,
  contestOutcome,
  countedSequenceOf,
  createElectionTally,
  emptyContestCounts,
  ElectionTally,
  PrecinctReport,
  precinctFlags,
  tallySeats,
  TerritoryLevel,
  TerritoryResults,
  territoryIds,
  territoryResults,
  Versioned,
} from '@shailoo/election';
import { ElectionRepository, SubmissionRepository, LogPosition } from '@shailoo/persistence';
import { ElectionRegistry, RegisteredElection } from '@shailoo/registry';
import { ELECTION_CLOCK, TALLY_SETTINGS, TallySettings } from './tally-config';
import type { ViewVersion } from './view-cache';
import { TallyMetrics } from './tally-metrics';

interface ElectionState {
  tally: ElectionTally;
  updatedAt: number;
  closedAt: number | null;
  seatsCache?: { version: number; closedAt: number | null; seats: SeatsView };
  contestsCache?: { version: number; closedAt: number | null; contests: ContestResults[] };
}

/**
 * The running tally of every registered election: stored messages applied to the pure tally of
 * libs/election, and from it the figures served, the seats and the reconciliation flags. Preliminary
 * figures come from the boxes, final ones from manual protocols where they exist; both stay visible.
 */
@Injectable()
export class TallyService {
  private readonly elections = new Map<string, ElectionState>();

  constructor(
    @Inject(TALLY_SETTINGS) private readonly settings: TallySettings,
    @Inject(ELECTION_CLOCK) private readonly clock: Clock,
    private readonly registry: ElectionRegistry,
    private readonly submissions: SubmissionRepository,
    private readonly electionStore: ElectionRepository,
    private readonly metrics: TallyMetrics,
  ) {
    // Each scrape sees every election's precincts as of now: a silent precinct turns overdue without any message arriving.
    // (An ingest-only instance keeps no tally: the aggregating instances say how many report.)
    if (settings.role !== 'ingest')
      metrics.beforeScrape(() => {
        for (const election of this.registry.allElections()) this.territory(election, this.stateOf(election.definition.id)!, election.definition.territory.id);
      });
  }

  /**
   * Rebuilds the running tally from the stored log, as after a restart: operators' closes, then
   * the log in order. Returns where a follower starts: the log's horizon taken before reading, so a
   * row whose transaction was still running then is read by the follower, not lost between the two.
   * Without `readLog` (an ingest-only instance) only the closes are taken in.
   */
  async rebuild(closed: Map<string, Date>, readLog = true): Promise<LogPosition> {
    this.elections.clear();
    for (const [id, at] of closed) {
      const e = this.stateOf(id);
      if (e) e.closedAt = at.getTime();
    }
    const start = await this.submissions.horizon();
    if (!readLog) return start;
    const batch = 10_000;
    let cursor = BigInt(0);
    for (;;) {
      const rows = await this.submissions.after(cursor, batch);
      for (const { submission, receivedAt } of rows) this.apply(submission, receivedAt.getTime());
      if (rows.length) cursor = rows[rows.length - 1].id;
      if (rows.length < batch) return start;
    }
  }

  /** The sequence a new message of this kind from this device must not be older than. */
  latestSequence(s: Pick<PrecinctReport, 'kind' | 'precinctId' | 'deviceId'> & { electionId: string }): number | undefined {
    const e = this.elections.get(s.electionId);
    return e && countedSequenceOf(e.tally, s);
  }

  /** Applies a stored message; false when a later one of the same device and kind already counts. */
  apply(s: PrecinctReport & { electionId: string }, now: number): boolean {
    const e = this.stateOf(s.electionId);
    if (!e || !applyReport(e.tally, s)) return false;
    e.updatedAt = now;
    return true;
  }

  /** Closes the count by an operator's decision (the seats become final on the figures at hand), or (null) reopens it. */
  async close(electionId: string, now: number | null): Promise<void> {
    await this.electionStore.close(electionId, now === null ? null : new Date(now));
    const e = this.stateOf(electionId);
    if (e) e.closedAt = now;
  }

  /** When an operator closed the count (null: open). */
  closedAt(electionId: string): number | null {
    return this.elections.get(electionId)?.closedAt ?? null;
  }

  /** Takes in the closes and reopenings another instance recorded; the elections whose state changed. */
  async followCloses(): Promise<string[]> {
    const changed: string[] = [];
    for (const [id, at] of await this.electionStore.closes()) {
      const e = this.stateOf(id);
      const closedAt = at ? at.getTime() : null;
      if (e && e.closedAt !== closedAt) {
        e.closedAt = closedAt;
        changed.push(id);
      }
    }
    return changed;
  }

  results(electionId: string, territoryId?: string): ElectionResults | null {
    const election = this.registry.election(electionId);
    const e = this.stateOf(electionId);
    if (!election || !e) return null;
    const t = this.territory(election, e, territoryId ?? election.definition.territory.id);
    if (!t) return null;
    const seatsView = this.seats(electionId)!;
    const parties = (election.definition.contests[0]?.parties ?? []).slice().sort((a, b) => a.order - b.order);
    const atRoot = t.territoryId === election.definition.territory.id;
    const seats = seatsView.status === 'final' ? seatsView.final : seatsView.provisional;
    return {
      electionId,
      electionName: election.definition.name,
      definitionHash: election.hash,
      ...t,
      parties: parties.map((p) => ({
        id: p.id,
        name: p.name,
        order: p.order,
        ...(p.unnamed ? { unnamed: true } : {}),
        votes: t.preliminary.votes[p.id] ?? 0,
        finalVotes: t.final.votes[p.id] ?? 0,
        seats: atRoot && seats ? (seats.seats[p.id] ?? 0) : null,
      })),
      seatsStatus: seatsView.status,
      updatedAt: e.updatedAt ? new Date(e.updatedAt).toISOString() : null,
    };
  }

  /** What the answers about an election depend on: its close (or reopening), and its tally's changes since. */
  viewVersion(electionId: string): ViewVersion {
    const e = this.stateOf(electionId);
    return { epoch: e?.closedAt == null ? 'open' : `closed at ${e.closedAt}`, changes: e?.tally.version ?? 0 };
  }

  /** The ids of every territory of one level (or all), in the order of the tree. */
  territoryIdsOf(electionId: string, level?: TerritoryLevel): string[] {
    const e = this.stateOf(electionId);
    return e ? territoryIds(e.tally, level) : [];
  }

  /** Every territory of one level (or all), for listings, publication and exports. */
  territories(electionId: string, level?: TerritoryLevel): TerritoryResults[] {
    const election = this.registry.election(electionId);
    const e = this.stateOf(electionId);
    if (!election || !e) return [];
    return territoryIds(e.tally, level).map((id) => this.territory(election, e, id)!);
  }

  /** Provisional seats from the boxes; final ones when every precinct has reported or an operator closed the count. */
  seats(electionId: string): SeatsView | null {
    const election = this.registry.election(electionId);
    const e = this.stateOf(electionId);
    if (!election || !e) return null;
    if (e.seatsCache?.version === e.tally.version && e.seatsCache.closedAt === e.closedAt) return e.seatsCache.seats;
    const closedBy = e.closedAt !== null ? 'operator' : allReported(e.tally) ? 'all-reported' : null;
    const seats: SeatsView = {
      status: closedBy ? 'final' : 'provisional',
      closedBy,
      provisional: tallySeats(e.tally, 'preliminary', election.hash),
      final: closedBy ? tallySeats(e.tally, 'final', election.hash) : null,
    };
    e.seatsCache = { version: e.tally.version, closedAt: e.closedAt, seats };
    return seats;
  }

  /**
   * Every contest of the election with its figures over its own precincts, its ballot's lines with
   * their votes, its leader and margin, and its outcome: provisional on the boxes, final once every
   * precinct of the contest has reported (or an operator closed the count). Worked out once per change.
   */
  contests(electionId: string): ContestResults[] | null {
    const election = this.registry.election(electionId);
    const e = this.stateOf(electionId);
    if (!election || !e) return null;
    if (e.contestsCache?.version === e.tally.version && e.contestsCache.closedAt === e.closedAt) return e.contestsCache.contests;
    const contests = election.definition.contests.map((c) => contestView(e, c, election.hash));
    e.contestsCache = { version: e.tally.version, closedAt: e.closedAt, contests };
    return contests;
  }

  /** One contest's counts within one territory (a precinct, say), or null where the contest has no precinct. */
  contestCounts(electionId: string, contestId: string, territoryId: string) {
    const e = this.stateOf(electionId);
    return e ? contestCounts(e.tally, contestId, territoryId) : null;
  }

  /** One contest's results, or null when the election or the contest is not known. */
  contest(electionId: string, contestId: string): ContestResults | null {
    return this.contests(electionId)?.find((c) => c.contestId === contestId) ?? null;
  }

  precinct(electionId: string, precinctId: string) {
    const election = this.registry.election(electionId);
    const territory = election?.precincts.get(precinctId);
    if (!election || !territory) return null;
    const p = this.stateOf(electionId)?.tally.precincts.get(precinctId);
    const hash = (v?: Versioned<unknown>) =>
      v && { deviceId: v.deviceId, sequence: v.sequence, bodySha256: Buffer.from(v.bodyHash).toString('hex'), ...(v.payload as object) };
    return {
      precinctId,
      name: territory.name,
      registeredVoters: territory.registeredVoters ?? 0,
      boxResults: [...(p?.boxes.values() ?? [])].map(hash),
      manualProtocol: hash(p?.protocol) ?? null,
      identificationReports: [...(p?.identification.values() ?? [])].map(hash),
      turnout: [...(p?.turnout.entries() ?? [])].sort(([a], [b]) => a - b).map(([hour, t]) => ({ hour, voters: t.voters })),
      flags: precinctFlags(p, this.clock.now(), this.deadline(election), territory.registeredVoters ?? 0),
    };
  }

  private deadline(election: RegisteredElection): number {
    return closingTime(election.definition.date) + this.settings.reportingDeadlineMs;
  }

  private stateOf(electionId: string): ElectionState | undefined {
    let e = this.elections.get(electionId);
    if (!e) {
      const election = this.registry.election(electionId);
      if (!election) return undefined;
      e = { tally: createElectionTally(election.definition), updatedAt: 0, closedAt: null };
      this.elections.set(electionId, e);
    }
    return e;
  }

  private territory(election: RegisteredElection, e: ElectionState, territoryId: string): TerritoryResults | null {
    const t = territoryResults(e.tally, territoryId, this.clock.now(), this.deadline(election));
    if (t && t.territoryId === election.definition.territory.id) {
      const labels = { election: election.definition.id };
      this.metrics.precinctsReporting.set(labels, t.precinctsReporting);
      this.metrics.precinctsTotal.set(labels, t.precinctsTotal);
      this.metrics.precinctsOverdue.set(labels, t.flags['not-reported'] ?? 0);
    }
    return t;
  }
}

/** A contest's view on the tally: see TallyService.contests. */
function contestView(e: ElectionState, contest: Contest, hash: string): ContestResults {
  const counts = contestCounts(e.tally, contest.id, contest.territoryId) ?? emptyContestCounts();
  const closedBy = e.closedAt !== null ? 'operator' : counts.precinctsTotal > 0 && counts.precinctsReporting === counts.precinctsTotal ? 'all-reported' : null;
  const provisional = contestOutcome(e.tally, contest, 'preliminary', hash);
  const final = closedBy ? contestOutcome(e.tally, contest, 'final', hash) : null;
  const current = closedBy ? final : provisional;
  const held = holders(current);
  const lines: Omit<ContestSelection, 'votes' | 'finalVotes' | 'elected'>[] = ballotLines(contest).map((l) =>
    'sex' in l
      ? { id: l.id, name: l.name, nameRu: l.nameRu, sex: l.sex, ...(l.partyId ? { partyId: l.partyId } : {}), order: l.order }
      : { id: l.id, name: l.name, order: l.order },
  );
  const figures = closedBy ? counts.final : counts.preliminary;
  const selections = lines
    .slice()
    .sort((a, b) => a.order - b.order)
    .map((l) => ({
      ...l,
      votes: counts.preliminary.votes[l.id] ?? 0,
      finalVotes: counts.final.votes[l.id] ?? 0,
      elected: held.seats.has(l.id),
      ...(current?.system === 'city-council' || current?.system === 'parliament-list' ? { seats: held.seats.get(l.id) ?? 0 } : {}),
      ...(held.reserved.has(l.id) ? { reservedSeat: true } : {}),
    }));
  // Ranked as the outcome ranks them (a tie as the law decides it), so the leader is who would be elected.
  const order = current?.system === 'single-member' ? current.single.ranking : current?.system === 'village-council' ? current.council.ranking : null;
  const rank = new Map(order?.map((r, i) => [r.id, i]));
  const ranked = selections
    .map((s) => ({ id: s.id, name: s.name, votes: figures.votes[s.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || a.id.localeCompare(b.id));
  const leader = figures.ballotsInBox > 0 ? (ranked[0] ?? null) : null;
  const runnerUp = leader ? (ranked[1] ?? null) : null;
  return {
    electionId: e.tally.definition.id,
    contestId: contest.id,
    name: contest.name,
    system: contest.system,
    seats: contest.seats,
    territoryId: contest.territoryId,
    againstAll: contest.againstAll,
    womenReserve: contest.system === 'village-council' ? (contest.rules.womenReserve ?? 0.3) : 0,
    ...counts,
    selections,
    leader,
    runnerUp,
    margin: leader && runnerUp ? leader.votes - runnerUp.votes : null,
    status: closedBy ? 'final' : 'provisional',
    closedBy,
    outcome: { provisional, final },
    elected: [...held.seats.keys()],
  };
}

/** Who holds seats in an outcome (seats per holder), and who holds a seat reserved for women. */
function holders(outcome: ContestOutcome | null): { seats: Map<string, number>; reserved: Set<string> } {
  if (!outcome) return { seats: new Map(), reserved: new Set() };
  switch (outcome.system) {
    case 'single-member':
      return { seats: new Map(outcome.single.winner ? [[outcome.single.winner, 1]] : []), reserved: new Set() };
    case 'village-council':
      return { seats: new Map(outcome.council.elected.map((id) => [id, 1])), reserved: new Set(outcome.council.reservedTo) };
    default:
      return { seats: new Map(Object.entries(outcome.seats.seats).filter(([, n]) => n > 0)), reserved: new Set() };
  }
}
