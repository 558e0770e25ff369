import { ManualClock } from './clock';
import { DeviceKey, publicKeyFromRaw, verifySignature } from './keys';
import { Random } from './random';

describe('ManualClock', () => {
  it('fires timers in time order as it is advanced, and not before', () => {
    const clock = new ManualClock(1000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@300'), 300);
    clock.setTimeout(() => fired.push('a@100'), 100);
    const cancelled = clock.setTimeout(() => fired.push('never'), 200);
    clock.clearTimeout(cancelled);
    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(250);
    expect(fired).toEqual(['a@100', 'b@300']);
    expect(clock.now()).toBe(1349);
  });

  it('runs timers scheduled by timers within the same advance', () => {
    const clock = new ManualClock();
    const at: number[] = [];
    const tick = () => {
      at.push(clock.now());
      if (at.length < 3) clock.setTimeout(tick, 10);
    };
    clock.setTimeout(tick, 10);
    clock.advance(100);
    expect(at).toEqual([10, 20, 30]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps a million timers in order (same time: first set, first fired) and says when the next is due', () => {
    const clock = new ManualClock();
    const random = new Random('heap');
    const due = Array.from({ length: 100_000 }, () => random.int(0, 1000));
    const fired: { at: number; i: number }[] = [];
    due.forEach((ms, i) => clock.setTimeout(() => fired.push({ at: clock.now(), i }), ms));
    const cleared = clock.setTimeout(() => fired.push({ at: -1, i: -1 }), 0);
    clock.clearTimeout(cleared);
    expect(clock.nextDue()).toBe(Math.min(...due));
    clock.advanceTo(1000);
    expect(fired).toHaveLength(due.length);
    for (let k = 1; k < fired.length; k++) {
      const [a, b] = [fired[k - 1], fired[k]];
      expect(a.at < b.at || (a.at === b.at && a.i < b.i)).toBe(true);
    }
    expect(clock.nextDue()).toBe(Infinity);
  });

  it('sleeps until a time, at once when it has passed, and never runs backwards', async () => {
    const clock = new ManualClock(500);
    await clock.sleepUntil(100);
    let woke = false;
    const sleeping = clock.sleepUntil(800).then(() => (woke = true));
    clock.advanceTo(799);
    await Promise.resolve();
    expect(woke).toBe(false);
    clock.advanceTo(800);
    await sleeping;
    clock.advanceTo(10);
    expect(clock.now()).toBe(800);
  });
});

describe('Random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: string) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.nextUint32()
        )(new Random(seed)),
      );
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('keeps named streams independent of each other', () => {
    const first = Random.stream('seed', 'station-1').next();
    Random.stream('seed', 'station-2').next();
    expect(Random.stream('seed', 'station-1').next()).toBe(first);
    expect(Random.stream('seed', 'station-2').next()).not.toBe(first);
  });

  it('draws integers within bounds, roughly uniformly', () => {
    const r = new Random(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[r.int(0, 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(9500);
    expect(counts.reduce((a, b) => a + b)).toBe(40000);
  });

  it('shuffles into a permutation', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new Random('s').shuffle(items);
    expect(shuffled.slice().sort()).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });
});

describe('DeviceKey', () => {
  it('derives the same key from the same seed and signs verifiably', () => {
    const seed = new Random('k').bytes(32);
    const key = DeviceKey.fromSeed(seed);
    expect(DeviceKey.fromSeed(seed).publicKey).toEqual(key.publicKey);
    const message = Buffer.from('result');
    const signature = key.sign(message);
    const pub = publicKeyFromRaw(key.publicKey);
    expect(verifySignature(pub, message, signature)).toBe(true);
    expect(verifySignature(pub, Buffer.from('resulT'), signature)).toBe(false);
    expect(verifySignature(pub, message, signature.subarray(1))).toBe(false);
    expect(verifySignature(publicKeyFromRaw(DeviceKey.fromSeed(new Random('other').bytes(32)).publicKey), message, signature)).toBe(false);
  });

  it('refuses keys of the wrong length', () => {
    expect(() => DeviceKey.fromSeed(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(() => publicKeyFromRaw(Buffer.alloc(33))).toThrow(/32 bytes/);
  });
});
