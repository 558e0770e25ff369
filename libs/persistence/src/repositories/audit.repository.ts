import { Inject, Injectable } from '@nestjs/common';
import { Database, DATABASE } from '../database';
import { DeviceRow } from './election.repository';
import { OperatorActionRow } from './operator.repository';

/** One election's record as it stood at one instant, for whoever checks it without trusting the server. */
export interface AuditRecord {
  /** Accepted messages in the order of their chain: each envelope as it arrived, when, its chain hash (null: stored before chains were kept). */
  submissions: { envelope: Buffer; receivedAt: Date; chainHash: Buffer | null }[];
  /** Operators' actions in the order of their chain. */
  actions: (OperatorActionRow & { chainHash: Buffer | null })[];
  devices: DeviceRow[];
  /** Each chain's last hash and length. */
  heads: Record<string, { hash: Buffer; length: number }>;
}

/**
 * An election's chained record, read in one snapshot: its heads are those of its rows (REPEATABLE
 * READ on PostgreSQL; PGlite runs one transaction at a time, which is as good).
 */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  record(electionId: string): Promise<AuditRecord> {
    return this.db.prisma.$transaction(
      async (tx) => {
        // In the order of the chain (rows stored before chains were kept first, by id).
        const submissions = await tx.$queryRaw<{ envelope: Uint8Array; received_at: Date; hash: Uint8Array | null }[]>`
          SELECT s.envelope, s.received_at, c.hash FROM submission s LEFT JOIN submission_chain c ON c.submission_id = s.id
          WHERE s.election_id = ${electionId} ORDER BY c.seq ASC NULLS FIRST, s.id ASC`;
        const actions = await tx.operatorAction.findMany({
          where: { electionId },
          orderBy: { id: 'asc' },
          select: { operator: true, action: true, electionId: true, detail: true, at: true, chainHash: true },
        });
        const devices = await tx.device.findMany({ where: { electionId }, orderBy: { id: 'asc' } });
        const heads = await tx.chainHead.findMany({ where: { electionId } });
        const bytes = (b: Uint8Array | null) => (b ? Buffer.from(b) : null);
        return {
          submissions: submissions.map((s) => ({ envelope: Buffer.from(s.envelope), receivedAt: new Date(s.received_at), chainHash: bytes(s.hash) })),
          actions: actions.map((a) => ({ ...a, chainHash: bytes(a.chainHash) })),
          devices,
          heads: Object.fromEntries(heads.map((h) => [h.chain, { hash: Buffer.from(h.hash), length: Number(h.length) }])),
        };
      },
      { isolationLevel: 'RepeatableRead', maxWait: 60_000, timeout: 120_000 },
    );
  }
}
