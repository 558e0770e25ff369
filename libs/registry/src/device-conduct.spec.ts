import { DeviceConduct } from './device-conduct';

const limits = { maxPayload: 100, perSecond: 10, burst: 5, garbageLimit: 3, garbageBytes: 250, garbageWindowMs: 1000, banMs: 5000 };

describe('DeviceConduct', () => {
  it('drops payloads over the cap', () => {
    const c = new DeviceConduct(limits);
    expect(c.admit('a', 101, 0)).toBe('payload-too-large');
    expect(c.admit('a', 100, 0)).toBe('admit');
  });

  it('lets a burst through, then the rate, per device', () => {
    const c = new DeviceConduct(limits);
    const verdicts = Array.from({ length: 7 }, () => c.admit('a', 1, 0));
    expect(verdicts.filter((v) => v === 'admit')).toHaveLength(5);
    expect(verdicts.slice(5)).toEqual(['rate-limited', 'rate-limited']);
    expect(c.admit('b', 1, 0)).toBe('admit');
    // 10 a second: one token back after 100 ms.
    expect(c.admit('a', 1, 100)).toBe('admit');
    expect(c.admit('a', 1, 100)).toBe('rate-limited');
  });

  it('bans a device after enough refusals within the window, and only then', () => {
    const c = new DeviceConduct(limits);
    expect(c.refused('a', 1, 0)).toBe(false);
    expect(c.refused('a', 1, 100)).toBe(false);
    // The first two have left the 1 s window.
    expect(c.refused('a', 1, 1500)).toBe(false);
    expect(c.refused('a', 1, 1600)).toBe(false);
    expect(c.refused('a', 1, 1700)).toBe(true);
    expect(c.admit('a', 1, 1800)).toBe('device-banned');
    expect(c.admit('b', 1, 1800)).toBe('admit');
    expect(c.admit('a', 1, 1700 + 5000)).toBe('admit');
  });

  it('bans a device whose refused messages add up to too many bytes, however few they are', () => {
    const c = new DeviceConduct(limits);
    expect(c.refused('big', 100, 0)).toBe(false);
    expect(c.refused('big', 100, 10)).toBe(false);
    expect(c.refused('small', 100, 20)).toBe(false);
    expect(c.refused('big', 100, 20)).toBe(true);
  });

  it('logs a device’s drops once a second at most', () => {
    const c = new DeviceConduct(limits);
    expect([c.shouldLog('a', 0), c.shouldLog('a', 500), c.shouldLog('a', 1000), c.shouldLog('b', 500)]).toEqual([true, false, true, true]);
  });
});
