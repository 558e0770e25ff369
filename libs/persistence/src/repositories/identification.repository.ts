import { Inject, Injectable } from '@nestjs/common';
import { Database, DATABASE } from '../database';

export interface IdentificationRecord {
  electionId: string;
  pin: string;
  precinctId: string;
  deviceId: string;
  method: 'fingerprint' | 'face';
  identifiedAt: Date;
  offline: boolean;
}

export interface DoubleVoteRecordRow {
  electionId: string;
  pin: string;
  first: { precinctId: string; deviceId: string; at: Date };
  second: { precinctId: string; deviceId: string; at: Date };
}

/** One voter, one vote: the first identification of each PIN, and the double votes found at sync. */
@Injectable()
export class IdentificationRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Stores the first identification of a PIN in an election, if `allowed` and none is stored yet,
   * in one statement (the unique key decides between two devices asking at once). True when stored.
   */
  async recordFirst(r: IdentificationRecord, allowed: boolean): Promise<boolean> {
    const inserted = await this.db.prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO identification (election_id, pin, precinct_id, device_id, method, identified_at, offline)
      SELECT ${r.electionId}, ${r.pin}, ${r.precinctId}, ${r.deviceId}, ${r.method}, ${r.identifiedAt}, ${r.offline}
      WHERE ${allowed}
      ON CONFLICT (election_id, pin) DO NOTHING
      RETURNING id`;
    return inserted.length > 0;
  }

  first(electionId: string, pin: string) {
    return this.db.prisma.identification.findUnique({ where: { electionId_pin: { electionId, pin } } });
  }

  async recordDoubleVote(d: DoubleVoteRecordRow): Promise<void> {
    await this.db.prisma.$executeRaw`
      INSERT INTO double_vote (election_id, pin, first_precinct_id, first_device_id, first_at, second_precinct_id, second_device_id, second_at)
      VALUES (${d.electionId}, ${d.pin}, ${d.first.precinctId}, ${d.first.deviceId}, ${d.first.at}, ${d.second.precinctId}, ${d.second.deviceId}, ${d.second.at})
      ON CONFLICT DO NOTHING`;
  }

  /** Identifications stored (of one PIN, or all). */
  count(pin?: string): Promise<number> {
    return this.db.prisma.identification.count({ where: pin ? { pin } : undefined });
  }

  doubleVotes(pin: string) {
    return this.db.prisma.doubleVote.findMany({ where: { pin } });
  }
}
