import { Inject, Injectable } from '@nestjs/common';
import { allocateCityCouncil, PartyListAllocation, registeredVoters } from '../../../libs/election/src';
import { Database } from '../../../libs/persistence/src';
import { ElectionRegistry, RegisteredElection } from './election-registry';
import { ResultRow } from './result-store';
import { DATABASE } from './tally-config';
import { TallyMetrics } from './tally-metrics';

interface Contribution {
  precinctId: string;
  sequence: number;
  votes: Record<string, number>;
  invalidBallots: number;
  againstAll: number;
  ballotsInBox: number;
}

interface Totals {
  /** The latest result of each device. */
  devices: Map<string, Contribution>;
  /** Devices counted per precinct. */
  precincts: Map<string, number>;
  votes: Map<string, number>;
  invalidBallots: number;
  againstAll: number;
  ballotsInBox: number;
  updatedAt: number;
}

export interface ElectionResults {
  electionId: string;
  name: string;
  definitionHash: string;
  precinctsReporting: number;
  precinctsTotal: number;
  registeredVoters: number;
  ballotsInBox: number;
  invalidBallots: number;
  againstAll: number;
  turnout: number;
  parties: { id: string; name: string; votes: number; seats: number | null }[];
  allocation: PartyListAllocation | null;
  updatedAt: string | null;
}

/**
 * Running totals per election: each device counts with its latest result (highest sequence),
 * so a corrected result replaces the one before it and a resend changes nothing.
 */
@Injectable()
export class TallyService {
  private readonly totals = new Map<string, Totals>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly registry: ElectionRegistry,
    private readonly metrics: TallyMetrics,
  ) {}

  /** Rebuilds the totals from the store, as after a restart. */
  async rebuild(): Promise<void> {
    this.totals.clear();
    const rows = await this.db.prisma.precinctResult.findMany({
      orderBy: { sequence: 'asc' },
      select: { electionId: true, precinctId: true, deviceId: true, sequence: true, votes: true, invalidBallots: true, againstAll: true, ballotsInBox: true },
    });
    for (const r of rows) this.apply({ ...r, votes: r.votes as Record<string, number> }, 0);
  }

  latestSequence(deviceId: string, electionId: string): number | undefined {
    return this.totals.get(electionId)?.devices.get(deviceId)?.sequence;
  }

  /** Counts a stored result; returns false when the device already counts with a later one. */
  apply(row: Pick<ResultRow, 'electionId' | 'precinctId' | 'deviceId' | 'sequence' | 'votes' | 'invalidBallots' | 'againstAll' | 'ballotsInBox'>, now: number): boolean {
    const t = this.totalsOf(row.electionId);
    const previous = t.devices.get(row.deviceId);
    if (previous && previous.sequence >= row.sequence) return false;
    if (previous) this.add(t, previous, -1);
    const c: Contribution = {
      precinctId: row.precinctId,
      sequence: row.sequence,
      votes: row.votes,
      invalidBallots: row.invalidBallots,
      againstAll: row.againstAll,
      ballotsInBox: row.ballotsInBox,
    };
    t.devices.set(row.deviceId, c);
    this.add(t, c, 1);
    t.updatedAt = now;
    this.metrics.precinctsReporting.set({ election: row.electionId }, t.precincts.size);
    return true;
  }

  results(electionId: string): ElectionResults | null {
    const election = this.registry.election(electionId);
    if (!election) return null;
    const t = this.totalsOf(electionId);
    const contest = election.definition.contests[0];
    const parties = (contest?.parties ?? []).slice().sort((a, b) => a.order - b.order);
    const votes = Object.fromEntries(parties.map((p) => [p.id, t.votes.get(p.id) ?? 0]));
    const allocation = this.allocate(election, votes, t);
    const voters = registeredVoters(election.definition.territory);
    return {
      electionId,
      name: election.definition.name,
      definitionHash: election.hash,
      precinctsReporting: t.precincts.size,
      precinctsTotal: election.precincts.size,
      registeredVoters: voters,
      ballotsInBox: t.ballotsInBox,
      invalidBallots: t.invalidBallots,
      againstAll: t.againstAll,
      turnout: voters > 0 ? t.ballotsInBox / voters : 0,
      parties: parties.map((p) => ({ id: p.id, name: p.name, votes: votes[p.id], seats: allocation ? (allocation.seats[p.id] ?? 0) : null })),
      allocation,
      updatedAt: t.updatedAt ? new Date(t.updatedAt).toISOString() : null,
    };
  }

  private allocate(election: RegisteredElection, votes: Record<string, number>, t: Totals): PartyListAllocation | null {
    const contest = election.definition.contests[0];
    if (!contest || contest.system !== 'city-council' || t.ballotsInBox === 0) return null;
    return allocateCityCouncil(
      { seats: contest.seats, participated: t.ballotsInBox, votes, againstAll: t.againstAll, seed: election.hash },
      { threshold: contest.rules.threshold, thresholdBase: contest.rules.thresholdBase },
    );
  }

  private totalsOf(electionId: string): Totals {
    let t = this.totals.get(electionId);
    if (!t) {
      t = { devices: new Map(), precincts: new Map(), votes: new Map(), invalidBallots: 0, againstAll: 0, ballotsInBox: 0, updatedAt: 0 };
      this.totals.set(electionId, t);
    }
    return t;
  }

  private add(t: Totals, c: Contribution, sign: 1 | -1): void {
    for (const [party, v] of Object.entries(c.votes)) t.votes.set(party, (t.votes.get(party) ?? 0) + sign * v);
    t.invalidBallots += sign * c.invalidBallots;
    t.againstAll += sign * c.againstAll;
    t.ballotsInBox += sign * c.ballotsInBox;
    const n = (t.precincts.get(c.precinctId) ?? 0) + sign;
    if (n > 0) t.precincts.set(c.precinctId, n);
    else t.precincts.delete(c.precinctId);
  }
}
