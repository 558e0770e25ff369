import { AcceleratedClock, Random } from '@shailoo/platform';
import { LINK_PROFILES, LinkModel } from './link-model';

describe('LinkModel', () => {
  it('loses everything during an outage and about its loss rate otherwise', () => {
    const link = new LinkModel({ ...LINK_PROFILES['2g'], lossRate: 0.3 }, new Random('link'), [{ fromMs: 1000, toMs: 2000 }]);
    expect(link.up(1500)).toBe(false);
    expect(link.transfer(300, 1500)).toBeNull();
    let lost = 0;
    for (let i = 0; i < 10_000; i++) if (link.transfer(300, 5000) === null) lost++;
    expect(lost / 10_000).toBeGreaterThan(0.28);
    expect(lost / 10_000).toBeLessThan(0.32);
  });

  it('takes latency plus serialization time, longer on 2G than on 3G', () => {
    const delay = (profile: string) => new LinkModel(LINK_PROFILES[profile], new Random('d'), []).transfer(10_000, 0);
    const noLoss = (p: string) => ({ ...LINK_PROFILES[p], lossRate: 0 });
    const two = new LinkModel(noLoss('2g'), new Random('x')).transfer(10_000, 0)!;
    const three = new LinkModel(noLoss('3g'), new Random('x')).transfer(10_000, 0)!;
    expect(two).toBeGreaterThanOrEqual(300 + 2000);
    expect(three).toBeLessThan(two);
    expect(delay('ideal')).toBe(0);
  });

  it('replays the same fate for the same seed', () => {
    const fates = (seed: string) =>
      Array.from(
        { length: 50 },
        (
          (l) => () =>
            l.transfer(200, 0)
        )(new LinkModel(LINK_PROFILES['2g'], new Random(seed))),
      );
    expect(fates('s')).toEqual(fates('s'));
  });
});

describe('AcceleratedClock', () => {
  it('runs virtual time faster by its factor and fires timers early by the same factor', async () => {
    const clock = new AcceleratedClock(1_000_000, 100);
    const start = Date.now();
    const fired = await new Promise<number>((resolve) => clock.setTimeout(() => resolve(Date.now() - start), 5_000));
    expect(fired).toBeGreaterThanOrEqual(45);
    expect(fired).toBeLessThan(1000);
    expect(clock.now()).toBeGreaterThanOrEqual(1_000_000 + 4_500);
    expect(() => new AcceleratedClock(0, 0)).toThrow(/factor/);
  });
});
