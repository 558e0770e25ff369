import { Inject, Injectable } from '@nestjs/common';
import { MessageKind, Payload, PrecinctReport } from '@shailoo/election';
import { Database, DATABASE } from '../database';

/** A verified message, ready to store: a precinct report, its election and the signed envelope it came in. */
export type Submission = PrecinctReport & { electionId: string; bodyHash: Buffer; envelope: Buffer };

/** inserted: stored now; duplicate: the same message was stored before; conflict: the key holds another one. */
export type StoreOutcome = 'inserted' | 'duplicate' | 'conflict';

/** A stored submission with its place in the log (ids increase with every insert). */
export interface StoredSubmission {
  id: bigint;
  submission: Submission;
  receivedAt: Date;
}

/** The log of accepted messages. (device_id, sequence) is the idempotency key: a resend inserts nothing. */
@Injectable()
export class SubmissionRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Writes rows with one multi-row INSERT … ON CONFLICT DO NOTHING (Prisma's createMany is several
   * times slower here: see bench/store) and says, row by row, what became of each.
   */
  async insertBatch(rows: Submission[]): Promise<StoreOutcome[]> {
    // One statement of eight array parameters whatever the batch's size: its text never changes,
    // and the engine parses eight arrays instead of eight parameters a row.
    const column = <T>(f: (r: Submission) => T) => rows.map(f);
    const inserted = await this.db.prisma.$queryRaw<{ device_id: string; sequence: number }[]>`
      INSERT INTO submission (election_id, precinct_id, device_id, sequence, kind, payload, body_hash, envelope)
      SELECT * FROM unnest(
        ${column((r) => r.electionId)}::text[], ${column((r) => r.precinctId)}::text[], ${column((r) => r.deviceId)}::text[],
        ${column((r) => r.sequence)}::int[], ${column((r) => r.kind)}::text[], ${column((r) => JSON.stringify(r.payload))}::jsonb[],
        ${column((r) => r.bodyHash)}::bytea[], ${column((r) => r.envelope)}::bytea[])
      ON CONFLICT (device_id, sequence) DO NOTHING
      RETURNING device_id, sequence`;
    const key = (deviceId: string, sequence: number) => `${deviceId}\u0000${sequence}`;
    const insertedKeys = new Set(inserted.map((r) => key(r.device_id, Number(r.sequence))));
    const outcomes: StoreOutcome[] = [];
    const claimed = new Set<string>();
    const toCheck: number[] = [];
    rows.forEach((r, i) => {
      const k = key(r.deviceId, r.sequence);
      if (insertedKeys.has(k) && !claimed.has(k)) {
        claimed.add(k);
        outcomes[i] = 'inserted';
      } else toCheck.push(i);
    });
    if (toCheck.length) {
      const stored = await this.db.prisma.submission.findMany({
        where: { OR: toCheck.map((i) => ({ deviceId: rows[i].deviceId, sequence: rows[i].sequence })) },
        select: { deviceId: true, sequence: true, bodyHash: true },
      });
      const hashes = new Map(stored.map((s) => [key(s.deviceId, s.sequence), Buffer.from(s.bodyHash)]));
      for (const i of toCheck) outcomes[i] = hashes.get(key(rows[i].deviceId, rows[i].sequence))?.equals(rows[i].bodyHash) ? 'duplicate' : 'conflict';
    }
    return outcomes;
  }

  /** Whether exactly this message (same body) is stored under its key. */
  async isStored(deviceId: string, sequence: number, bodyHash: Buffer): Promise<boolean> {
    const stored = await this.db.prisma.submission.findUnique({ where: { deviceId_sequence: { deviceId, sequence } }, select: { bodyHash: true } });
    return !!stored && Buffer.from(stored.bodyHash).equals(bodyHash);
  }

  /** The log after `cursor`, in order, at most `limit` rows (without the envelopes). */
  async after(cursor: bigint, limit: number): Promise<StoredSubmission[]> {
    return this.read({ id: { gt: cursor } }, limit);
  }

  /** The keys of the log after `cursor`, in order: enough to tell rows already applied from the others. */
  async keysAfter(cursor: bigint, limit: number): Promise<{ id: bigint; deviceId: string; sequence: number }[]> {
    return this.db.prisma.submission.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, deviceId: true, sequence: true },
    });
  }

  /** These rows of the log, those that exist (a gap a slower transaction may since have filled). */
  async byIds(ids: bigint[]): Promise<StoredSubmission[]> {
    return this.read({ id: { in: ids } }, ids.length);
  }

  private async read(where: { id: { gt: bigint } | { in: bigint[] } }, limit: number): Promise<StoredSubmission[]> {
    const rows = await this.db.prisma.submission.findMany({ where, orderBy: { id: 'asc' }, take: limit, omit: { envelope: true } });
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.receivedAt,
      submission: {
        kind: r.kind as MessageKind,
        electionId: r.electionId,
        precinctId: r.precinctId,
        deviceId: r.deviceId,
        sequence: r.sequence,
        payload: r.payload as unknown as Payload,
        bodyHash: Buffer.from(r.bodyHash),
        envelope: Buffer.alloc(0),
      } as Submission,
    }));
  }

  /** An election's accepted messages in order of receipt, for its event log. */
  eventLog(electionId: string): Promise<{ deviceId: string; sequence: number; kind: string; receivedAt: Date; bodyHash: Uint8Array; precinctId: string }[]> {
    return this.db.prisma.submission.findMany({
      where: { electionId },
      select: { deviceId: true, sequence: true, kind: true, receivedAt: true, bodyHash: true, precinctId: true },
      orderBy: { id: 'asc' },
    });
  }

  count(where: { kind?: MessageKind; deviceId?: string } = {}): Promise<number> {
    return this.db.prisma.submission.count({ where });
  }
}
