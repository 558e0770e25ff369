import { v1 } from '@shailoo/contracts';
import { ElectionDefinition, Territory } from '@shailoo/election';
import { registeredElection } from '@shailoo/registry';
import { KIND_SPECS } from './message-kinds';

const precinct = (id: string): Territory => ({ id, name: id, level: 'precinct', registeredVoters: 1000 });
/** Lists over the country, a single-member contest in each of its two districts. */
const definition: ElectionDefinition = {
  id: 'jk',
  name: 'jk',
  type: 'parliament',
  date: '2021-11-28',
  territory: {
    id: 'kg',
    name: 'kg',
    level: 'country',
    children: ['d1', 'd2'].map((d) => ({ id: d, name: d, level: 'district' as const, children: [precinct(`${d}-p1`)] })),
  },
  contests: [
    {
      id: 'list',
      name: 'list',
      system: 'parliament-list',
      seats: 54,
      territoryId: 'kg',
      againstAll: false,
      parties: [{ id: 'a', name: 'a', order: 1 }],
      rules: {},
    },
    ...['d1', 'd2'].map((d) => ({
      id: `${d}-smd`,
      name: d,
      system: 'single-member' as const,
      seats: 1,
      territoryId: d,
      againstAll: false,
      candidates: [1, 2].map((i) => ({ id: `${d}-c${i}`, name: `${d}-c${i}`, sex: 'M' as const, order: i })),
      rules: {},
    })),
  ],
};
const election = registeredElection(definition);
const AT = Date.UTC(2021, 10, 28, 14);

const district = (over: Partial<v1.IContestCount> = {}): v1.IContestCount => ({
  contestId: 'd1-smd',
  votes: [
    { selectionId: 'd1-c1', votes: 60 },
    { selectionId: 'd1-c2', votes: 35 },
  ],
  invalidBallots: 5,
  ballotsInBox: 100,
  ballotsReceived: 1000,
  ballotsIssued: 100,
  ballotsUnused: 900,
  ballotsSpoiled: 0,
  validBallots: 95,
  ...over,
});

function protocol(contests: v1.IContestCount[]) {
  const message = v1.ManualProtocol.create({
    electionId: 'jk',
    precinctId: 'd1-p1',
    deviceId: 'com',
    sequence: 1,
    ballotsReceived: 1000,
    ballotsIssued: 100,
    ballotsUnused: 900,
    ballotsSpoiled: 0,
    ballotsInBox: 100,
    validBallots: 98,
    invalidBallots: 2,
    votes: [{ partyId: 'a', votes: 98 }],
    signedAtMs: AT,
    contests,
  });
  return KIND_SPECS.get(v1.PayloadKind.PAYLOAD_KIND_MANUAL_PROTOCOL)!.validate(
    v1.ManualProtocol.decode(v1.ManualProtocol.encode(message).finish()),
    election,
    1000,
  );
}

function result(contests: v1.IContestCount[]) {
  const message = v1.PrecinctResult.create({
    electionId: 'jk',
    precinctId: 'd1-p1',
    deviceId: 'aeu',
    sequence: 1,
    votes: [{ partyId: 'a', votes: 98 }],
    invalidBallots: 2,
    ballotsInBox: 100,
    closedAtMs: AT,
    contests,
  });
  return KIND_SPECS.get(v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT)!.validate(
    v1.PrecinctResult.decode(v1.PrecinctResult.encode(message).finish()),
    election,
    1000,
  );
}

describe('a message’s further contests at ingest', () => {
  it('takes the district’s count beside the lists’, and a single-contest message as before', () => {
    expect(protocol([district()])).toMatchObject({
      payload: { votes: { a: 98 }, contests: { 'd1-smd': { votes: { 'd1-c1': 60, 'd1-c2': 35 }, ballotsIssued: 100, validBallots: 95 } } },
    });
    const box = result([{ contestId: 'd1-smd', votes: district().votes, invalidBallots: 5, ballotsInBox: 100 }]);
    expect(box).toMatchObject({ payload: { contests: { 'd1-smd': { ballotsInBox: 100, invalidBallots: 5 } } } });
    const single = result([]);
    expect(single).toEqual({ payload: { votes: { a: 98 }, invalidBallots: 2, againstAll: 0, ballotsInBox: 100, closedAtMs: AT } });
  });

  it('refuses a doctored district protocol by its own control relations, naming the contest', () => {
    const doctored = [
      district({ validBallots: 96 }),
      district({ ballotsInBox: 101, invalidBallots: 6, ballotsIssued: 100 }),
      district({ ballotsIssued: 101 }),
      district({
        votes: [
          { selectionId: 'd1-c1', votes: 61 },
          { selectionId: 'd1-c2', votes: 35 },
        ],
      }),
    ];
    for (const d of doctored) {
      const outcome = protocol([d]);
      expect(outcome).toMatchObject({ rejection: { reason: 'control-relation' } });
      expect((outcome as { rejection: { detail: string } }).rejection.detail).toMatch(/^contest d1-smd: /);
    }
    // A box result's own arithmetic, too: its ballots are its valid votes and its invalid ones.
    expect(result([{ contestId: 'd1-smd', votes: district().votes, invalidBallots: 5, ballotsInBox: 99 }])).toMatchObject({
      rejection: { reason: 'control-relation' },
    });
  });

  it('refuses a contest the precinct does not vote in, its first contest repeated, a contest twice, a candidate of another ballot, too many ballots', () => {
    const cases: [v1.IContestCount[], string, RegExp][] = [
      [[district({ contestId: 'd2-smd' })], 'unknown-contest', /not voted in at precinct d1-p1/],
      [[district({ contestId: 'nowhere' })], 'unknown-contest', /not voted in/],
      [[district({ contestId: 'list' })], 'unknown-contest', /first/],
      [[district(), district()], 'out-of-range', /counted twice/],
      [[district({ votes: [{ selectionId: 'd2-c1', votes: 95 }] })], 'unknown-party', /candidate d2-c1 is not on the ballot of d1-smd/],
      [[district({ ballotsIssued: 1001, ballotsUnused: 0, ballotsReceived: 1001 })], 'out-of-range', /1001 ballots in a precinct with 1000 voters/],
    ];
    for (const [contests, reason, detail] of cases) {
      const outcome = protocol(contests) as { rejection: { reason: string; detail: string } };
      expect(outcome.rejection.reason).toBe(reason);
      expect(outcome.rejection.detail).toMatch(detail);
    }
  });
});
