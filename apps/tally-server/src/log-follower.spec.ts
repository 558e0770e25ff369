import { SubmissionRepository } from '@shailoo/persistence';
import { ManualClock } from '@shailoo/platform';
import { ElectionRegistry } from '@shailoo/registry';
import { LogFollower } from './log-follower';
import { Publisher } from './publisher';
import { TallyService } from './tally.service';

type Row = {
  id: bigint;
  xid: bigint;
  receivedAt: Date;
  submission: { electionId: string; precinctId: string; deviceId: string; sequence: number; kind: string };
};
/** A committed row: its id, and the id of the transaction that inserted it (by default as high as its row id). */
const row = (id: number, xid = id, deviceId = `d${id}`): Row => ({
  id: BigInt(id),
  xid: BigInt(xid),
  receivedAt: new Date(0),
  submission: { electionId: 'e', precinctId: 'p', deviceId, sequence: 1, kind: 'result' },
});
const after = (a: { xid: bigint; id: bigint }, b: { xid: bigint; id: bigint }) => a.xid > b.xid || (a.xid === b.xid && a.id > b.id);

describe(LogFollower.name, () => {
  let log: Row[];
  /** Transactions still running (what the database's snapshot says): nothing at or above the oldest is read. */
  let running: number[];
  let applied: string[];
  let timers: ManualClock;
  let sut: LogFollower;
  let closes: Map<string, number | null>;
  let publisher: { changed: jest.Mock; closed: jest.Mock };
  /** Reads of rows that fail (the database gone between reading the keys and the rows). */
  let rowReadsFailing: number;

  beforeEach(() => {
    log = [];
    running = [];
    applied = [];
    rowReadsFailing = 0;
    timers = new ManualClock(0);
    const submissions = {
      finishedAfter: async (from: { xid: bigint; id: bigint }, limit: number) => {
        // The oldest transaction running, else the next to begin (above every one that committed).
        const horizon = BigInt(running.length ? Math.min(...running) : Math.max(0, ...log.map((r) => Number(r.xid))) + 1);
        const keys = log
          .filter((r) => after(r, from) && r.xid < horizon)
          .sort((a, b) => (after(a, b) ? 1 : -1))
          .slice(0, limit)
          .map((r) => ({ id: r.id, xid: r.xid, deviceId: r.submission.deviceId, sequence: r.submission.sequence }));
        return { horizon: { xid: horizon, id: BigInt(0) }, keys };
      },
      byIds: async (ids: bigint[]) => {
        if (rowReadsFailing > 0 && rowReadsFailing--) throw new Error('Connection terminated unexpectedly');
        return log.filter((r) => ids.includes(r.id));
      },
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
    const registry = { loadNew: async () => [], followDevices: async () => [] } as unknown as ElectionRegistry;
    sut = new LogFollower(submissions, tally, publisher as unknown as Publisher, registry, timers);
    sut.start({ xid: BigInt(0), id: BigInt(0) });
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

  it('never reads past a transaction still running, and applies its rows whenever it commits, however late', async () => {
    // Transaction 5 inserted row 2 and has not committed; transactions 6 and 7 committed rows 3 and 4.
    log.push(row(1, 1));
    running.push(5);
    log.push(row(3, 6), row(4, 7));
    await sut.poll();
    expect(applied).toEqual(['d1']);
    // Far longer than any timer of the follower's: still waiting, nothing skipped.
    timers.advance(3_600_000);
    await sut.poll();
    expect(applied).toEqual(['d1']);
    running.length = 0;
    log.push(row(2, 5));
    await sut.poll();
    expect([...applied].sort()).toEqual(['d1', 'd2', 'd3', 'd4']);
    await sut.poll();
    expect(applied).toHaveLength(4);
  });

  it('loses nothing when the database goes away between reading the keys and the rows: the next read takes them again', async () => {
    log.push(row(1), row(2), row(3));
    sut.storedHere('d2', 1);
    rowReadsFailing = 1;
    await expect(sut.poll()).rejects.toThrow('Connection terminated');
    expect(applied).toEqual([]);
    await sut.poll();
    expect(applied).toEqual(['d1', 'd3']);
    await sut.poll();
    expect(applied).toEqual(['d1', 'd3']);
  });

  it('reads a page at a time until the horizon, then starts from the horizon', async () => {
    for (let i = 1; i <= 12_001; i++) log.push(row(i, 10 + Math.floor(i / 3)));
    await sut.poll();
    expect(applied).toHaveLength(12_001);
    expect(new Set(applied).size).toBe(12_001);
    running.push(1_999_999);
    log.push(row(12_002, 2_000_000));
    await sut.poll();
    expect(applied).toHaveLength(12_001);
    running.length = 0;
    await sut.poll();
    expect(applied).toHaveLength(12_002);
  });

  it('reads soon after a commit is announced, and once for a burst of announcements', async () => {
    const poll = jest.spyOn(sut, 'poll');
    for (let i = 0; i < 5; i++) sut.wake();
    timers.advance(20);
    expect(poll).toHaveBeenCalledTimes(1);
    timers.advance(150);
    expect(poll).toHaveBeenCalledTimes(1);
  });
});
