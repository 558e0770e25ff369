import { Submission, SubmissionRepository } from '@shailoo/persistence';
import { ManualClock } from '@shailoo/platform';
import { SubmissionStore } from './submission-store';

/** The errors Prisma's driver adapters raise, with PostgreSQL's SQLSTATE inside. */
const dbError = (originalCode: string) =>
  Object.assign(new Error(`Raw query failed. Code: \`${originalCode}\``), { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode } } } });

const row = (deviceId: string, sequence = 1) => ({ deviceId, sequence }) as Submission;

function sut(insertBatch: (rows: Submission[]) => Promise<('inserted' | 'duplicate' | 'conflict')[]>) {
  const timers = new ManualClock(0);
  const submissions = { insertBatch: jest.fn(insertBatch) } as unknown as SubmissionRepository & { insertBatch: jest.Mock };
  const store = new SubmissionStore(submissions, { batchSize: 100, batchDelayMs: 10 }, timers);
  return { store, timers, submissions };
}

/** Steps the timers until `done` settles, letting the store's promises run between steps. */
async function settle<T>(timers: ManualClock, done: Promise<T>): Promise<T> {
  return timers.runUntil(done, 10, 60_000);
}

describe('SubmissionStore', () => {
  it('writes a batch in one statement', async () => {
    const { store, timers, submissions } = sut(async (rows) => rows.map(() => 'inserted'));
    const outcomes = await settle(timers, Promise.all([store.save(row('a')), store.save(row('b'))]));
    expect(outcomes).toEqual(['inserted', 'inserted']);
    expect(submissions.insertBatch).toHaveBeenCalledTimes(1);
  });

  it('after a batch, waits for the next to gather until its oldest row has waited the delay: a store that answers at once makes no batches of one', async () => {
    let release!: () => void;
    const { store, timers, submissions } = sut(async (rows) => {
      if (submissions.insertBatch.mock.calls.length === 1) await new Promise<void>((r) => (release = r));
      return rows.map(() => 'inserted');
    });
    const first = store.save(row('a'));
    timers.advance(10);
    await Promise.resolve();
    expect(submissions.insertBatch).toHaveBeenCalledTimes(1);
    // Arriving while the first batch is written: 'b' at 10 ms, 'c' at 14 ms.
    const later = [store.save(row('b'))];
    timers.advance(4);
    later.push(store.save(row('c')));
    release();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(submissions.insertBatch).toHaveBeenCalledTimes(1);
    timers.advance(5);
    await new Promise((r) => setImmediate(r));
    expect(submissions.insertBatch).toHaveBeenCalledTimes(1);
    timers.advance(1);
    expect(await Promise.all(later)).toEqual(['inserted', 'inserted']);
    expect(submissions.insertBatch).toHaveBeenCalledTimes(2);
    expect(submissions.insertBatch.mock.calls[1][0].map((r: Submission) => r.deviceId)).toEqual(['b', 'c']);
  });

  it('refuses only the row the database refuses for what it holds; the others of its batch are stored', async () => {
    const { store, timers } = sut(async (rows) => {
      if (rows.some((r) => r.deviceId === 'poison')) throw dbError('22003');
      return rows.map(() => 'inserted');
    });
    const outcomes = await settle(timers, Promise.all(['a', 'poison', 'b'].map((d) => store.save(row(d)))));
    expect(outcomes).toEqual(['inserted', { refused: expect.stringContaining('22003') }, 'inserted']);
  });

  it('tries a batch again after a failure of the database’s own, and tells its callers only after the last try', async () => {
    let failures = 1;
    const flaky = sut(async (rows) => {
      if (failures-- > 0) throw dbError('08006');
      return rows.map(() => 'inserted');
    });
    expect(await settle(flaky.timers, flaky.store.save(row('a')))).toBe('inserted');
    expect(flaky.submissions.insertBatch).toHaveBeenCalledTimes(2);

    const down = sut(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    const failed = down.store.save(row('a')).catch((err: Error) => err);
    expect(String(await settle(down.timers, failed))).toMatch(/ECONNREFUSED/);
    expect(down.submissions.insertBatch).toHaveBeenCalledTimes(4);
  });
});
