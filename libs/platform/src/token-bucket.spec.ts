import { TokenBucket, TokenBuckets } from './token-bucket';

describe(TokenBucket.name, () => {
  it('lets a burst through, then the rate, refilled by the time since it was last looked at', () => {
    const bucket = new TokenBucket(10, 5);
    expect(Array.from({ length: 7 }, () => bucket.take(0))).toEqual([true, true, true, true, true, false, false]);
    // 10 a second: one back after 100 ms, never more than the burst.
    expect([bucket.take(100), bucket.take(100)]).toEqual([true, false]);
    expect(bucket.available(60_000)).toBe(5);
  });

  it('can start empty, and one without a limit always lets through', () => {
    const empty = new TokenBucket(50, 1, 0);
    expect([empty.take(0), empty.take(10), empty.take(20)]).toEqual([false, false, true]);
    const unlimited = TokenBucket.unlimited();
    expect(Array.from({ length: 1000 }, () => unlimited.take(0)).every(Boolean)).toBe(true);
  });
});

describe(TokenBuckets.name, () => {
  it('keeps a bucket per key, and forgets the least recently seen past its limit (a forgotten key starts full)', () => {
    const sut = new TokenBuckets(1, 2, 2);
    expect([sut.take('a', 0), sut.take('a', 0), sut.take('a', 0)]).toEqual([true, true, false]);
    expect([sut.take('b', 0), sut.take('b', 0), sut.take('b', 0)]).toEqual([true, true, false]);
    // 'b' is the most recently seen: a third key forgets 'a'.
    expect(sut.take('c', 0)).toBe(true);
    expect([sut.take('a', 0), sut.take('a', 0)]).toEqual([true, true]);
    // 'b' was forgotten when 'a' came back, so it starts full again too.
    expect(sut.take('b', 0)).toBe(true);
  });
});
