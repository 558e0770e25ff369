import { Submission, SubmissionRepository } from '@shailoo/persistence';
import { ManualClock } from '@shailoo/platform';
import { ElectionRegistry, inMemoryElections } from '@shailoo/registry';
import { syntheticElection } from '@shailoo/scenario';
import { tallySettings } from './tally-server';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';
import { total } from '@shailoo/election';

describe(TallyService.name, () => {
  const election = syntheticElection(3, 'tally-spec', 'tally-spec');
  const id = election.definition.id;
  const precincts = election.definition.territory.children!.map((p) => p.id);
  const stored = (i: number, votes: Record<string, number>) => ({
    id: BigInt(i + 1),
    receivedAt: new Date(Date.UTC(2021, 3, 11, 15)),
    submission: {
      kind: 'result',
      electionId: id,
      precinctId: precincts[i],
      deviceId: election.devices[i].id,
      sequence: 1,
      payload: { votes, invalidBallots: 0, againstAll: 0, ballotsInBox: total(votes), closedAtMs: 0 },
      bodyHash: Buffer.alloc(32, i),
      envelope: Buffer.alloc(0),
    } as Submission,
  });
  let sut: TallyService;
  let submissions: jest.Mocked<Pick<SubmissionRepository, 'after' | 'horizon'>>;
  let elections: ReturnType<typeof inMemoryElections>;
  let registry: ElectionRegistry;

  beforeEach(async () => {
    elections = inMemoryElections();
    registry = new ElectionRegistry(elections);
    await registry.register(election.definition, election.devices);
    submissions = { after: jest.fn().mockResolvedValue([]), horizon: jest.fn().mockResolvedValue({ xid: BigInt(7), id: BigInt(0) }) };
    sut = new TallyService(
      tallySettings({ mqttUrl: 'mqtt://unused' }),
      new ManualClock(0),
      registry,
      submissions as unknown as SubmissionRepository,
      elections,
      new TallyMetrics(),
    );
  });

  it('rebuilds the totals from the stored log, and the seats stay provisional while precincts are missing', async () => {
    submissions.after.mockResolvedValueOnce([stored(0, { p1: 100, p2: 50 }), stored(1, { p1: 10, p2: 40 })]);
    // A follower starts from the log's horizon as it was before the rebuild read anything.
    expect(await sut.rebuild(new Map())).toEqual({ xid: BigInt(7), id: BigInt(0) });
    expect(submissions.horizon.mock.invocationCallOrder[0]).toBeLessThan(submissions.after.mock.invocationCallOrder[0]);
    expect(submissions.after).toHaveBeenCalledWith(BigInt(0), expect.any(Number));
    const r = sut.results(id)!;
    expect(r.precinctsReporting).toBe(2);
    expect(r.preliminary.votes).toEqual({ p1: 110, p2: 90 });
    expect(r.seatsStatus).toBe('provisional');
    expect(sut.seats(id)!.final).toBeNull();
  });

  it('keeps an operator’s close across a rebuild: the seats are final on the figures at hand', async () => {
    submissions.after.mockResolvedValueOnce([stored(0, { p1: 100, p2: 50 })]);
    await sut.rebuild(new Map([[id, new Date(5)]]));
    expect(sut.seats(id)).toMatchObject({ status: 'final', closedBy: 'operator' });
    expect(sut.seats(id)!.final!.seats).toEqual({ p1: 30, p2: 15 });
  });

  it('records a close in the store, and then the seats are final', async () => {
    await sut.rebuild(new Map());
    sut.apply(stored(0, { p1: 60, p2: 30 }).submission, 1);
    expect(sut.seats(id)!.status).toBe('provisional');
    await sut.close(id, 1000);
    expect((await elections.election(id))!.closedAt).toEqual(new Date(1000));
    expect(sut.seats(id)).toMatchObject({ status: 'final', closedBy: 'operator' });
  });

  it('answers nothing for an election it does not know', () => {
    expect(sut.results('nope')).toBeNull();
    expect(sut.seats('nope')).toBeNull();
    expect(sut.territories('nope')).toEqual([]);
  });
});
