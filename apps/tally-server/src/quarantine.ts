import { Injectable, Logger } from '@nestjs/common';
import { parseUplinkTopic, RejectionReason, storableText } from '@shailoo/contracts';
import { RejectionRepository } from '@shailoo/persistence';
import { ChangeFeed } from './change-feed';
import { TallyMetrics } from './tally-metrics';

export interface Rejection {
  reason: RejectionReason;
  detail: string;
}

/** Keeps every rejected message with its raw bytes, reason and time; logs and counts it. */
@Injectable()
export class Quarantine {
  private readonly logger = new Logger('Quarantine');

  constructor(
    private readonly rejections: RejectionRepository,
    private readonly metrics: TallyMetrics,
    private readonly feed: ChangeFeed,
  ) {}

  async add(topic: string, raw: Buffer, rejection: Rejection, deviceId?: string): Promise<void> {
    this.metrics.rejected.inc({ reason: rejection.reason });
    const electionId = parseUplinkTopic(topic)?.electionId;
    const entry = { topic: storable(topic), reason: rejection.reason, detail: storable(rejection.detail), deviceId };
    this.logger.warn(JSON.stringify({ event: 'rejected', ...entry, bytes: raw.length }));
    if (electionId) this.feed.emit({ electionId, type: 'rejection', data: { reason: entry.reason, detail: storable(rejection.detail, 200), deviceId } });
    try {
      await this.rejections.add({ ...entry, electionId: electionId && storable(electionId), raw });
    } catch (err) {
      // The rejection is counted and logged above; a store that cannot take it must not stop ingest.
      this.logger.error(JSON.stringify({ event: 'quarantine-write-failed', reason: rejection.reason, error: (err as Error).message }));
    }
  }

  /** One election's rejections, newest first, a page at a time (`before`: the `next` of the page before); each message's bytes by their length. */
  async list(electionId: string, limit: number, before?: bigint) {
    const page = await this.rejections.page(electionId, limit, before);
    return { items: page.items.map((r) => ({ ...r, id: r.id.toString() })), next: page.next?.toString() ?? null };
  }

  /** The bytes of one rejection of an election, as they arrived. */
  raw(electionId: string, id: bigint): Promise<Buffer | null> {
    return this.rejections.raw(electionId, id);
  }
}

/** Text from hostile input, made fit for a PostgreSQL text column (no NUL) and for a log line. */
export function storable(text: string, max = 1000): string {
  const clean = storableText(text);
  return clean.length > max ? `${storableText(clean.slice(0, max))}… (${clean.length} characters)` : clean;
}
