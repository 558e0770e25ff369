import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Timer } from '@shailoo/platform';
import { StoreOutcome, Submission, SubmissionRepository } from '@shailoo/persistence';
import { TALLY_CONFIG, TallyConfig } from './tally-config';

interface Pending {
  submission: Submission;
  resolve: (outcome: StoreOutcome) => void;
  reject: (err: Error) => void;
}

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
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  save(submission: Submission): Promise<StoreOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, resolve, reject });
      if (this.queue.length >= this.config.batchSize) this.kick();
      else if (!this.timer) this.timer = this.config.timers.setTimeout(() => this.kick(), this.config.batchDelayMs);
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
    if (this.timer) this.config.timers.clearTimeout(this.timer);
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
      const outcomes = await this.submissions.insertBatch(batch.map((p) => p.submission));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (err) {
      batch.forEach((p) => p.reject(err as Error));
    }
  }
}
