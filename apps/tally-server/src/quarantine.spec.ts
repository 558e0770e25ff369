import { RejectionRepository } from '@shailoo/persistence';
import { ManualClock } from '@shailoo/platform';
import { ChangeFeed } from './change-feed';
import { Quarantine, storable } from './quarantine';
import { TallyMetrics } from './tally-metrics';

describe(Quarantine.name, () => {
  let sut: Quarantine;
  let rejections: jest.Mocked<Pick<RejectionRepository, 'add' | 'page'>>;
  let metrics: TallyMetrics;
  let feed: ChangeFeed;

  beforeEach(() => {
    rejections = { add: jest.fn().mockResolvedValue(undefined), page: jest.fn() };
    metrics = new TallyMetrics();
    feed = new ChangeFeed(metrics, {}, new ManualClock(0));
    sut = new Quarantine(rejections as unknown as RejectionRepository, metrics, feed);
  });

  it('keeps the raw bytes with the reason, made storable, counts it and tells the election’s event stream', async () => {
    const raw = Buffer.from([0, 1, 2]);
    const emit = jest.spyOn(feed, 'emit');
    await sut.add('shailoo/v1/up/e/d\u0000/result', raw, { reason: 'bad-signature', detail: 'x\u0000y' }, 'd');
    expect(rejections.add).toHaveBeenCalledWith({
      topic: 'shailoo/v1/up/e/d\uFFFD/result',
      electionId: 'e',
      reason: 'bad-signature',
      detail: 'x\uFFFDy',
      deviceId: 'd',
      raw,
    });
    expect(await metrics.rejectedByReason()).toEqual({ 'bad-signature': 1 });
    expect(emit.mock.calls).toEqual([[{ electionId: 'e', type: 'rejection', data: { reason: 'bad-signature', detail: 'x\uFFFDy', deviceId: 'd' } }]]);
  });

  it('still counts a rejection when the store cannot take it, and does not throw', async () => {
    rejections.add.mockRejectedValue(new Error('disk full'));
    await expect(sut.add('t', Buffer.alloc(0), { reason: 'malformed-envelope', detail: 'd' })).resolves.toBeUndefined();
    expect(await metrics.rejectedByReason()).toEqual({ 'malformed-envelope': 1 });
  });

  it('lists an election’s rejections a page at a time, their ids as text', async () => {
    rejections.page.mockResolvedValue({
      items: [{ id: BigInt(7), receivedAt: new Date(0), topic: 't', deviceId: null, reason: 'r', detail: 'd', bytes: 1 }],
      next: BigInt(7),
    });
    expect(await sut.list('e', 1, BigInt(9))).toEqual({
      items: [{ id: '7', receivedAt: new Date(0), topic: 't', deviceId: null, reason: 'r', detail: 'd', bytes: 1 }],
      next: '7',
    });
    expect(rejections.page).toHaveBeenCalledWith('e', 1, BigInt(9));
  });

  it('shortens long hostile text', () => {
    expect(storable('a'.repeat(2000), 10)).toBe('aaaaaaaaaa… (2000 characters)');
  });
});
