import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { SubmissionRepository } from '@shailoo/persistence';
import { Clock, Timer } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { Publisher } from './publisher';
import { TIMERS } from './tally-config';
import { TallyService } from './tally.service';

/** How often the log is read for what other instances stored. */
const POLL_MS = 200;
/** Behind the log when the last read that reached its end is older than this: the instance is not ready (its answers may be stale). */
const CAUGHT_UP_MS = 5_000;
/** A gap in the ids is a transaction not yet committed, or a number never used (a conflict, a rollback): forgotten after this long. */
const GAP_MS = 10_000;

/**
 * Keeps this instance's running tally up to date with the stored log when several tally servers
 * share one PostgreSQL: every row another instance stored is applied here too, in id order, so
 * any instance answers the same results. Ids are handed out before commit, so a row may appear
 * below ones already read: the gaps are asked for again until they fill or are clearly unused.
 */
@Injectable()
export class LogFollower implements OnModuleDestroy {
  private readonly logger = new Logger('LogFollower');
  private cursor = BigInt(0);
  private readonly gaps = new Map<bigint, number>();
  /** Rows this instance stored and applied itself: (device, sequence). */
  private readonly local = new Set<string>();
  private timer: Timer | null = null;
  private running = false;
  /** When a read last reached the end of the log. */
  private caughtUpAt = 0;

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly tally: TallyService,
    private readonly publisher: Publisher,
    private readonly registry: ElectionRegistry,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {}

  /** Follows the log from `cursor` (where the rebuild stopped). */
  start(cursor: bigint): void {
    this.cursor = cursor;
    this.running = true;
    this.caughtUpAt = this.timers.now();
    this.schedule();
  }

  /** How far this instance's tally is behind the stored log: null when caught up (or when it is alone and follows nothing), else since when. */
  behindSince(): number | null {
    return this.running && this.timers.now() - this.caughtUpAt > CAUGHT_UP_MS ? this.caughtUpAt : null;
  }

  /** A row this instance stored and has applied: not applied again. */
  storedHere(deviceId: string, sequence: number): void {
    if (this.running) this.local.add(`${deviceId}\n${sequence}`);
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = this.timers.setTimeout(() => {
      void this.poll()
        .catch((err) => this.logger.warn(JSON.stringify({ event: 'log-follow-failed', error: (err as Error).message })))
        .finally(() => this.schedule());
    }, POLL_MS);
  }

  async poll(): Promise<void> {
    const now = this.timers.now();
    // Elections another instance registered: known here before their first row is applied.
    await this.registry.loadNew();
    // Counts another instance closed or reopened: refused (or taken again) here too.
    for (const id of await this.tally.followCloses()) this.publisher.closed(id, this.tally.closedAt(id) !== null);
    for (;;) {
      // Keys first: the rows this instance stored itself (all of them when it is alone) are not read again.
      const keys = await this.submissions.keysAfter(this.cursor, 5000);
      const wanted: bigint[] = [];
      for (const k of keys) {
        for (let id = this.cursor + BigInt(1); id < k.id && this.gaps.size < 100_000; id++) this.gaps.set(id, now);
        this.cursor = k.id;
        if (!this.local.delete(`${k.deviceId}\n${k.sequence}`)) wanted.push(k.id);
      }
      if (wanted.length) for (const row of await this.submissions.byIds(wanted)) this.apply(row.submission, row.receivedAt);
      if (keys.length < 5000) break;
    }
    this.caughtUpAt = now;
    if (!this.gaps.size) return;
    for (const row of await this.submissions.byIds([...this.gaps.keys()])) {
      this.gaps.delete(row.id);
      this.apply(row.submission, row.receivedAt);
    }
    for (const [id, since] of this.gaps) if (now - since > GAP_MS) this.gaps.delete(id);
  }

  private apply(s: Parameters<TallyService['apply']>[0] & Parameters<Publisher['changed']>[0], receivedAt: Date): void {
    if (this.local.delete(`${s.deviceId}\n${s.sequence}`)) return;
    if (this.tally.apply(s, receivedAt.getTime())) this.publisher.changed(s);
  }

  onModuleDestroy(): void {
    this.running = false;
    if (this.timer) this.timers.clearTimeout(this.timer);
  }
}
