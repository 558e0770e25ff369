import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Database, Prisma } from '../../../libs/persistence/src';
import { Submission } from './submission';
import { DATABASE, TALLY_CONFIG, TallyConfig } from './tally-config';

/** inserted: stored now; duplicate: the same message was stored before; conflict: the key holds another one. */
export type StoreOutcome = 'inserted' | 'duplicate' | 'conflict';

interface Pending {
  submission: Submission;
  resolve: (outcome: StoreOutcome) => void;
  reject: (err: Error) => void;
}

/**
 * Writes submissions in batches: one multi-row INSERT … ON CONFLICT DO NOTHING per batch, through
 * Prisma's raw SQL (the generated client's createMany is an order of magnitude slower here).
 * (device_id, sequence) is unique, so a resend inserts nothing. A caller's promise settles only
 * after the batch holding its row has committed.
 */
@Injectable()
export class SubmissionStore implements OnModuleDestroy {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  save(submission: Submission): Promise<StoreOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, resolve, reject });
      if (this.queue.length >= this.config.batchSize) this.kick();
      else if (!this.timer) this.timer = setTimeout(() => this.kick(), this.config.batchDelayMs);
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.drain();
  }

  /** Resolves when everything queued so far is written. */
  async drain(): Promise<void> {
    while (this.queue.length || this.flushing) {
      this.kick();
      await this.flushing;
    }
  }

  private kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.kick();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.config.batchSize);
    try {
      const outcomes = await this.write(batch.map((p) => p.submission));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (err) {
      batch.forEach((p) => p.reject(err as Error));
    }
  }

  private async write(rows: Submission[]): Promise<StoreOutcome[]> {
    const values = rows.map(
      (r) => Prisma.sql`(${r.electionId}, ${r.precinctId}, ${r.deviceId}, ${r.sequence}, ${r.kind}, ${JSON.stringify(r.payload)}::jsonb, ${r.bodyHash}, ${r.envelope})`,
    );
    const inserted = await this.db.prisma.$queryRaw<{ device_id: string; sequence: number }[]>`
      INSERT INTO submission (election_id, precinct_id, device_id, sequence, kind, payload, body_hash, envelope)
      VALUES ${Prisma.join(values)}
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
}
