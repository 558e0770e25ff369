import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database } from '../../../libs/persistence/src';
import { DATABASE } from './tally-config';
import { TallyMetrics } from './tally-metrics';

/** Why a message was refused. Each is counted under its name. */
export type RejectionReason =
  | 'malformed-envelope'
  | 'unsupported-version'
  | 'unsupported-kind'
  | 'malformed-body'
  | 'topic-mismatch'
  | 'unknown-device'
  | 'bad-signature'
  | 'device-mismatch'
  | 'unknown-election'
  | 'definition-mismatch'
  | 'wrong-precinct'
  | 'unknown-party'
  | 'out-of-range'
  | 'control-relation'
  | 'stale-sequence'
  | 'sequence-reused';

export interface Rejection {
  reason: RejectionReason;
  detail: string;
}

/** Keeps every rejected message with its raw bytes, reason and time; logs and counts it. */
@Injectable()
export class Quarantine {
  private readonly logger = new Logger('Quarantine');

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly metrics: TallyMetrics,
  ) {}

  async add(topic: string, raw: Buffer, rejection: Rejection, deviceId?: string): Promise<void> {
    this.metrics.rejected.inc({ reason: rejection.reason });
    this.logger.warn(JSON.stringify({ event: 'rejected', topic, deviceId, reason: rejection.reason, detail: rejection.detail, bytes: raw.length }));
    await this.db.prisma.rejection.create({ data: { topic, reason: rejection.reason, detail: rejection.detail, raw: new Uint8Array(raw), deviceId } });
  }

  /** The newest rejections; with an election, those whose topic names it. */
  async list(
    limit = 100,
    electionId?: string,
  ): Promise<{ id: string; receivedAt: Date; topic: string; deviceId: string | null; reason: string; detail: string; rawBase64: string }[]> {
    const rows = await this.db.prisma.rejection.findMany({
      where: electionId ? { topic: { startsWith: `shailoo/v1/up/${electionId}/` } } : undefined,
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map((r) => ({
      id: r.id.toString(),
      receivedAt: r.receivedAt,
      topic: r.topic,
      deviceId: r.deviceId,
      reason: r.reason,
      detail: r.detail,
      rawBase64: Buffer.from(r.raw).toString('base64'),
    }));
  }
}
