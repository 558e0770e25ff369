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
/** A stored identification, as the table holds it. */
export interface StoredIdentification {
  id: bigint;
  electionId: string;
  pin: string;
  precinctId: string;
  deviceId: string;
  method: string;
  identifiedAt: Date;
  offline: boolean;
  receivedAt: Date;
}

/** A stored double vote: the first identification and the second that found it. */
export interface StoredDoubleVote {
  id: bigint;
  electionId: string;
  pin: string;
  firstPrecinctId: string;
  firstDeviceId: string;
  firstAt: Date;
  secondPrecinctId: string;
  secondDeviceId: string;
  secondAt: Date;
  detectedAt: Date;
}

@Injectable()
export class IdentificationRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  private readonly queue: { r: IdentificationRecord; resolve: (stored: boolean) => void; reject: (err: Error) => void }[] = [];
  private flushing: Promise<void> | null = null;

  /**
   * Stores the first identification of a PIN in an election, if none is stored yet
   * (the unique key decides between two devices asking at once). True when stored — durably: it
   * resolves only after the statement committed. Requests that arrive while one statement runs
   * are written together by the next (a group commit), so one insert per answer does not bound
   * the rate.
   */
  recordFirst(r: IdentificationRecord): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ r, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush())
      .finally(() => {
        this.flushing = null;
        this.kick();
      });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, 2000);
    try {
      // One statement of seven arrays whatever the batch's size, on the driver itself (Database.transaction).
      const column = <T>(f: (r: IdentificationRecord) => T) => batch.map(({ r }) => f(r));
      const inserted = await this.db.transaction((query) =>
        query<{ election_id: string; pin: string }>(
          `INSERT INTO identification (election_id, pin, precinct_id, device_id, method, identified_at, offline)
          SELECT u.election_id, u.pin, u.precinct_id, u.device_id, u.method, to_timestamp(u.at_ms / 1000.0) AT TIME ZONE 'UTC', u.offline
          FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::bool[])
            AS u(election_id, pin, precinct_id, device_id, method, at_ms, offline)
          ON CONFLICT (election_id, pin) DO NOTHING
          RETURNING election_id, pin`,
          [
            column((r) => r.electionId),
            column((r) => r.pin),
            column((r) => r.precinctId),
            column((r) => r.deviceId),
            column((r) => r.method),
            column((r) => r.identifiedAt.getTime()),
            column((r) => r.offline),
          ],
        ),
      );
      const key = (electionId: string, pin: string) => `${electionId}\u0000${pin}`;
      const stored = new Set(inserted.map((row) => key(row.election_id, row.pin)));
      // The same PIN twice in one statement: only the first of them is the first identification.
      for (const { r, resolve } of batch) resolve(stored.delete(key(r.electionId, r.pin)));
    } catch (err) {
      batch.forEach(({ reject }) => reject(err as Error));
    }
  }

  first(electionId: string, pin: string): Promise<StoredIdentification | null> {
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

  doubleVotes(pin: string): Promise<StoredDoubleVote[]> {
    return this.db.prisma.doubleVote.findMany({ where: { pin } });
  }
}
