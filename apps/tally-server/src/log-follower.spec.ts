import { SubmissionRepository } from '@shailoo/persistence';
import { ManualClock } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { LogFollower } from './log-follower';
import { Publisher } from './publisher';
import { TallyService } from './tally.service';

type Row = { id: bigint; receivedAt: Date; submission: { electionId: string; precinctId: string; deviceId: string; sequence: number; kind: string } };
const row = (id: number, deviceId = `d${id}`): Row => ({
  id: BigInt(id),
  receivedAt: new Date(0),
  submission: { electionId: 'e', precinctId: 'p', deviceId, sequence: 1, kind: 'result' },
});

describe(LogFollower.name, () => {
  let log: Row[];
  let applied: string[];
  let timers: ManualClock;
  let sut: LogFollower;
  let closes: Map<string, number | null>;
  let publisher: { changed: jest.Mock; closed: jest.Mock };

  beforeEach(() => {
    log = [];
    applied = [];
    timers = new ManualClock(0);
    const submissions = {
      keysAfter: async (cursor: bigint, limit: number) =>
        log
          .filter((r) => r.id > cursor)
          .slice(0, limit)
          .map((r) => ({ id: r.id, deviceId: r.submission.deviceId, sequence: r.submission.sequence })),
      byIds: async (ids: bigint[]) => log.filter((r) => ids.includes(r.id)),
    } as unknown as SubmissionRepository;
    closes = new Map();
    const seen = new Map<string, number | null>();
    const tally = {
      apply: (s: Row['submission']) => (applied.push(s.deviceId), true),
      // What the store says of closes, taken in: the elections whose state changed.
      followCloses: async () => [...closes].filter(([id, at]) => seen.get(id) !== at && seen.set(id, at)).map(([id]) => id),
      closedAt: (id: string) => seen.get(id) ?? null,
    } as unknown as TallyService;
    publisher = { changed: jest.fn(), closed: jest.fn() };
    const registry = { loadNew: async () => [] } as unknown as ElectionRegistry;
    sut = new LogFollower(submissions, tally, publisher as unknown as Publisher, registry, timers);
    sut.start(BigInt(0));
  });
  afterEach(() => sut.onModuleDestroy());

  it('applies what other instances stored, in order, and not what it stored itself', async () => {
    log.push(row(1), row(2), row(3));
    sut.storedHere('d2', 1);
    await sut.poll();
    expect(applied).toEqual(['d1', 'd3']);
    log.push(row(4));
    await sut.poll();
    expect(applied).toEqual(['d1', 'd3', 'd4']);
  });

  it('takes in the closes and reopenings another instance recorded, and tells the event streams once', async () => {
    closes.set('e', 5_000);
    await sut.poll();
    await sut.poll();
    closes.set('e', null);
    await sut.poll();
    expect(publisher.closed.mock.calls).toEqual([
      ['e', true],
      ['e', false],
    ]);
  });

  it('asks again for ids below its cursor that a slower transaction commits later, and forgets unused ones', async () => {
    // Rows 2 and 3 are not committed yet when 4 is read.
    log.push(row(1), row(4));
    await sut.poll();
    expect(applied).toEqual(['d1', 'd4']);
    log.push(row(2));
    await sut.poll();
    expect(applied).toEqual(['d1', 'd4', 'd2']);
    // Id 3 never comes (a conflict used it): after 10 s it is no longer asked for, and nothing is applied twice.
    timers.advance(11_000);
    await sut.poll();
    log.push(row(3));
    await sut.poll();
    expect(applied).toEqual(['d1', 'd4', 'd2']);
  });
});
