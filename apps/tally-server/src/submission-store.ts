import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Clock, Timer } from '@shailoo/platform';
import { isRowFault, StoreOutcome, Submission, SubmissionRepository } from '@shailoo/persistence';
import { TALLY_SETTINGS, TallySettings, TIMERS } from './tally-config';

/** What became of a submission: stored, or refused by the database for what the row holds (the detail says why). */
export type SaveOutcome = StoreOutcome | { refused: string };

interface Pending {
  submission: Submission;
  resolve: (outcome: SaveOutcome) => void;
  reject: (err: Error) => void;
  /** Writes of its batch that failed for the database's sake. */
  failures: number;
  /** When it was queued (the timers' clock). */
  at: number;
}

/** A batch that failed for the database's sake (not a row's) is written again this many times, after waits growing from RETRY_MS, before its callers are told. */
const RETRIES = 3;
const RETRY_MS = 250;

/**
 * Gathers submissions into batches for the repository's one-statement insert: a batch goes when it
 * is full or when its first row has waited `batchDelayMs`. A caller's promise settles only after
 * the batch holding its row has committed.
 */
@Injectable()
export class SubmissionStore implements OnModuleDestroy {
  private queue: Pending[] = [];
  private timer: Timer | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly submissions: SubmissionRepository,
    @Inject(TALLY_SETTINGS) private readonly settings: Pick<TallySettings, 'batchSize' | 'batchDelayMs'>,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {}

  save(submission: Submission): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, resolve, reject, failures: 0, at: this.timers.now() });
      this.schedule();
    });
  }

  isStored(deviceId: string, sequence: number, bodyHash: Buffer): Promise<boolean> {
    return this.submissions.isStored(deviceId, sequence, bodyHash);
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
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.schedule();
    });
  }

  /** The next batch goes when it is full, or when its oldest row has waited `batchDelayMs` (also after a batch: a store that answers at once does not make batches of one). */
  private schedule(): void {
    if (!this.queue.length || this.flushing) return;
    if (this.queue.length >= this.settings.batchSize) return this.kick();
    if (this.timer) return;
    // Never longer than the delay, should the clock step back.
    const wait = Math.min(this.settings.batchDelayMs, Math.max(0, this.queue[0].at + this.settings.batchDelayMs - this.timers.now()));
    this.timer = this.timers.setTimeout(() => this.kick(), wait);
  }

  /**
   * Writes one batch. A row the database refuses for what it holds never takes the others down:
   * the batch is written again row by row and only that row is refused. A failure of the
   * database's own (a lost connection) is tried again a few times before the callers hear of it —
   * they do not acknowledge, and the devices resend.
   */
  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.settings.batchSize);
    try {
      const outcomes = await this.submissions.insertBatch(batch.map((p) => p.submission));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (err) {
      if (isRowFault(err)) await Promise.all(batch.map((p) => this.flushAlone(p)));
      else this.retry(batch, err as Error);
    }
  }

  private async flushAlone(p: Pending): Promise<void> {
    try {
      p.resolve((await this.submissions.insertBatch([p.submission]))[0]);
    } catch (err) {
      if (isRowFault(err)) p.resolve({ refused: (err as Error).message.split('\n').filter(Boolean).pop() ?? 'refused by the database' });
      else this.retry([p], err as Error);
    }
  }

  private retry(batch: Pending[], err: Error): void {
    const again = batch.filter((p) => ++p.failures <= RETRIES);
    batch.filter((p) => p.failures > RETRIES).forEach((p) => p.reject(err));
    if (!again.length) return;
    const wait = RETRY_MS * 2 ** (Math.min(...again.map((p) => p.failures)) - 1);
    this.timers.setTimeout(() => {
      this.queue.unshift(...again);
      this.kick();
    }, wait);
  }
}
