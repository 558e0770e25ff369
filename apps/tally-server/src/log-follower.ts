import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { LogPosition, SubmissionRepository } from '@shailoo/persistence';
import { Clock, Timer } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { Publisher } from './publisher';
import { TIMERS } from './tally-config';
import { TallyService } from './tally.service';

/** How often the log is read when no commit is announced (LISTEN/NOTIFY wakes it at once otherwise). */
const POLL_MS = 200;
/** A burst of announced commits is read together, this long after the first. */
const NOTIFIED_MS = 20;
/** Rows read at a time. */
const PAGE = 5000;
/** Behind the log when the last read that reached its end is older than this: the instance is not ready (its answers may be stale). */
const CAUGHT_UP_MS = 5_000;

/**
 * Keeps this instance's running tally up to date with the stored log when several tally servers
 * share one PostgreSQL: every row another instance stored is applied here too, so any instance
 * answers the same results. Rows are read in (transaction id, row id) order and only below the
 * oldest transaction still running: every row there is committed (or never will be), so nothing is
 * read early and nothing skipped, however late a commit comes — a slow one holds the reading back
 * until it ends. No timer decides what counts.
 */
@Injectable()
export class LogFollower implements OnModuleDestroy {
  private readonly logger = new Logger('LogFollower');
  private position: LogPosition = { xid: BigInt(0), id: BigInt(0) };
  /** Rows this instance stored and applied itself: (device, sequence). */
  private readonly local = new Set<string>();
  private timer: Timer | null = null;
  private running = false;
  private rows = true;
  private polling = false;
  private woken = false;
  /** A read is due within NOTIFIED_MS (further announcements do not push it back). */
  private soon = false;
  /** When a read last reached the end of the finished log. */
  private caughtUpAt = 0;

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly tally: TallyService,
    private readonly publisher: Publisher,
    private readonly registry: ElectionRegistry,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {}

  /**
   * Follows the log from `position` (where the rebuild began: the horizon before it read). Without
   * `rows` (an ingest-only instance, which keeps no tally) only new elections and closes are followed.
   */
  start(position: LogPosition, rows = true): void {
    this.position = position;
    this.rows = rows;
    this.running = true;
    this.caughtUpAt = this.timers.now();
    this.schedule(POLL_MS);
  }

  /** A commit was announced: read soon (several announcements close together make one read). */
  wake(): void {
    if (!this.running) return;
    if (this.polling) this.woken = true;
    else if (!this.soon) this.schedule(NOTIFIED_MS);
  }

  /** How far this instance's tally is behind the stored log: null when caught up (or when it is alone and follows nothing), else since when. */
  behindSince(): number | null {
    return this.running && this.timers.now() - this.caughtUpAt > CAUGHT_UP_MS ? this.caughtUpAt : null;
  }

  /** A row this instance stored and has applied: not applied again. */
  storedHere(deviceId: string, sequence: number): void {
    if (this.running) this.local.add(`${deviceId}\n${sequence}`);
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.soon = delay === NOTIFIED_MS;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.soon = false;
      this.polling = true;
      void this.poll()
        .catch((err) => this.logger.warn(JSON.stringify({ event: 'log-follow-failed', error: (err as Error).message })))
        .finally(() => {
          this.polling = false;
          const again = this.woken;
          this.woken = false;
          this.schedule(again ? NOTIFIED_MS : POLL_MS);
        });
    }, delay);
  }

  async poll(): Promise<void> {
    const now = this.timers.now();
    // Elections another instance registered: known here before their first row is applied.
    await this.registry.loadNew();
    // Counts another instance closed or reopened: refused (or taken again) here too.
    for (const id of await this.tally.followCloses()) this.publisher.closed(id, this.tally.closedAt(id) !== null);
    // Devices another instance revoked or re-keyed: refused (or taken with their new key) here too.
    await this.registry.followDevices();
    if (this.rows) await this.readLog();
    this.caughtUpAt = now;
  }

  /** Applies every finished row after the position that this instance did not store itself, a page at a time. */
  private async readLog(): Promise<void> {
    for (;;) {
      // Keys first: the rows this instance stored itself (all of them when it is alone) are not read again.
      const { horizon, keys } = await this.submissions.finishedAfter(this.position, PAGE);
      const wanted = keys.filter((k) => !this.local.has(`${k.deviceId}\n${k.sequence}`)).map((k) => k.id);
      const rows = wanted.length ? await this.submissions.byIds(wanted) : [];
      // Read whole: from here nothing waits, so a page is applied and passed together or (a read failed) not at all.
      for (const k of keys) this.local.delete(`${k.deviceId}\n${k.sequence}`);
      for (const row of rows) this.apply(row.submission, row.receivedAt);
      if (keys.length) this.position = { xid: keys[keys.length - 1].xid, id: keys[keys.length - 1].id };
      if (keys.length < PAGE) {
        // Everything below the horizon is read: the next read starts there.
        if (horizon.xid > this.position.xid) this.position = horizon;
        return;
      }
    }
  }

  private apply(s: Parameters<TallyService['apply']>[0] & Parameters<Publisher['changed']>[0], receivedAt: Date): void {
    if (this.tally.apply(s, receivedAt.getTime())) this.publisher.changed(s);
  }

  onModuleDestroy(): void {
    this.running = false;
    if (this.timer) this.timers.clearTimeout(this.timer);
  }
}
