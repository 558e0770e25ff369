/**
 * A rate with bursts: `perSecond` tokens come back each second, up to `burst`; each thing let
 * through takes one. Timed by whatever clock the caller reads (`now` in ms), so it can be stepped.
 */
export class TokenBucket {
  private at: number | null = null;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private tokens = burst,
  ) {}

  /** No limit at all: every take succeeds. */
  static unlimited(): TokenBucket {
    return new TokenBucket(Infinity, Infinity);
  }

  /** The tokens there are at `now`, after refilling for the time since the last look. */
  available(now: number): number {
    if (this.at !== null) this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens;
  }

  /** Takes a token at `now` if there is one. */
  take(now: number): boolean {
    if (this.available(now) < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * A token bucket per key (a client's address, a device's name), each `perSecond` with bursts of
 * `burst`; at most `keep` keys are remembered, the least recently seen forgotten first (a forgotten
 * key starts again with a full burst).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly keep = Infinity,
  ) {}

  /** Takes a token of `key`'s bucket at `now` if there is one. */
  take(key: string, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else bucket = new TokenBucket(this.perSecond, this.burst);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.keep) this.buckets.delete(this.buckets.keys().next().value!);
    return bucket.take(now);
  }
}
