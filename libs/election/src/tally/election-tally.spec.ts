import fc from 'fast-check';
import { ElectionDefinition, Territory } from '../definition';
import { addFigures, emptyFigures } from './figures';
import { applyReport, createElectionTally, ElectionTally, tallySeats, territoryIds, territoryResults } from './election-tally';
import { FLAG_KINDS, precinctFlags } from './precinct-flags';
import { PrecinctReport } from './reports';
import { total } from '../count';

const PARTIES = ['a', 'b', 'c'];
const AT = Date.UTC(2021, 3, 11, 14);

/** A country of 2 regions × 2 districts × 2 precincts. */
function definition(): ElectionDefinition {
  const precinct = (id: string): Territory => ({ id, name: id, level: 'precinct', registeredVoters: 1000 });
  const district = (id: string): Territory => ({ id, name: id, level: 'district', children: [precinct(`${id}-p1`), precinct(`${id}-p2`)] });
  const region = (id: string): Territory => ({ id, name: id, level: 'region', children: [district(`${id}-d1`), district(`${id}-d2`)] });
  return {
    id: 'e',
    name: 'e',
    type: 'parliament',
    date: '2021-04-11',
    territory: { id: 'kg', name: 'kg', level: 'country', children: [region('r1'), region('r2')] },
    contests: [
      {
        id: 'c',
        name: 'c',
        system: 'city-council',
        seats: 21,
        territoryId: 'kg',
        againstAll: false,
        parties: PARTIES.map((id, i) => ({ id, name: id, order: i })),
        rules: { threshold: 0.07 },
      },
    ],
  };
}
const PRECINCTS = ['r1-d1-p1', 'r1-d1-p2', 'r1-d2-p1', 'r1-d2-p2', 'r2-d1-p1', 'r2-d1-p2', 'r2-d2-p1', 'r2-d2-p2'];

const votesArb = fc.record(Object.fromEntries(PARTIES.map((p) => [p, fc.nat({ max: 300 })])) as Record<string, fc.Arbitrary<number>>);

/** One report about a precinct, from one of its devices; the sequence is set later, per device. */
const reportArb: fc.Arbitrary<Omit<PrecinctReport, 'sequence'>> = fc.oneof(
  fc
    .record({ precinct: fc.constantFrom(...PRECINCTS), box: fc.nat({ max: 1 }), votes: votesArb, invalid: fc.nat({ max: 20 }) })
    .map(({ precinct, box, votes, invalid }) => ({
      kind: 'result' as const,
      precinctId: precinct,
      deviceId: `aeu-${precinct}-${box}`,
      bodyHash: new Uint8Array(32),
      payload: { votes, invalidBallots: invalid, againstAll: 0, ballotsInBox: total(votes) + invalid, closedAtMs: AT },
    })),
  fc
    .record({ precinct: fc.constantFrom(...PRECINCTS), votes: votesArb, invalid: fc.nat({ max: 20 }), failed: fc.boolean() })
    .map(({ precinct, votes, invalid, failed }) => {
      const valid = total(votes);
      return {
        kind: 'protocol' as const,
        precinctId: precinct,
        deviceId: `com-${precinct}`,
        bodyHash: new Uint8Array(32),
        payload: {
          ballotsReceived: 1000,
          ballotsIssued: valid + invalid,
          ballotsUnused: 1000 - valid - invalid,
          ballotsSpoiled: 0,
          ballotsInBox: valid + invalid,
          validBallots: valid,
          invalidBallots: invalid,
          votes,
          againstAll: 0,
          boxFailed: failed,
          signedAtMs: AT,
        },
      };
    }),
  fc
    .record({ precinct: fc.constantFrom(...PRECINCTS), device: fc.nat({ max: 1 }), identified: fc.nat({ max: 900 }), doubles: fc.nat({ max: 2 }) })
    .map(({ precinct, device, identified, doubles }) => ({
      kind: 'identification' as const,
      precinctId: precinct,
      deviceId: `idd-${precinct}-${device}`,
      bodyHash: new Uint8Array(32),
      payload: {
        identifiedByFingerprint: identified,
        identifiedByFace: 0,
        refused: {},
        slipsPrinted: identified,
        doubleVotes: Array.from({ length: doubles }, (_, i) => ({ voterRef: `v${i}`, otherPrecinctId: 'x', hereAtMs: AT, thereAtMs: AT })),
        closedAtMs: AT,
      },
    })),
  fc
    .record({ precinct: fc.constantFrom(...PRECINCTS), hour: fc.constantFrom(10, 14, 16, 18, 20), voters: fc.nat({ max: 900 }) })
    .map(({ precinct, hour, voters }) => ({
      kind: 'turnout' as const,
      precinctId: precinct,
      deviceId: `com-${precinct}`,
      bodyHash: new Uint8Array(32),
      payload: { hour, voters, takenAtMs: AT },
    })),
);

/** Reports numbered as devices number them: each device's sequence counts from 1. */
const reportsArb = fc.array(reportArb, { maxLength: 60 }).map((list) => {
  const next = new Map<string, number>();
  return list.map((r) => {
    const sequence = (next.get(r.deviceId) ?? 0) + 1;
    next.set(r.deviceId, sequence);
    return { ...r, sequence } as PrecinctReport;
  });
});

function tallyOf(reports: PrecinctReport[]): ElectionTally {
  const tally = createElectionTally(definition());
  for (const r of reports) applyReport(tally, r);
  return tally;
}

/** Everything the tally serves, at a time past the reporting deadline. */
const snapshot = (tally: ElectionTally) => territoryIds(tally).map((id) => territoryResults(tally, id, 1, 0));

describe('the running tally', () => {
  it('keeps every territory equal to the sum of its precincts', () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const tally = tallyOf(reports);
        for (const id of territoryIds(tally).filter((id) => !PRECINCTS.includes(id))) {
          const under = PRECINCTS.filter((p) => tally.paths.get(p)!.includes(id)).map((p) => territoryResults(tally, p, 1, 0)!);
          const t = territoryResults(tally, id, 1, 0)!;
          const preliminary = emptyFigures();
          const final = emptyFigures();
          under.forEach((p) => (addFigures(preliminary, p.preliminary), addFigures(final, p.final)));
          expect(t.preliminary).toEqual(preliminary);
          expect(t.final).toEqual(final);
          expect(t.precinctsReporting).toBe(under.reduce((s, p) => s + p.precinctsReporting, 0));
          expect(t.precinctsWithProtocol).toBe(under.reduce((s, p) => s + p.precinctsWithProtocol, 0));
          expect(t.registeredVoters).toBe(under.reduce((s, p) => s + p.registeredVoters, 0));
          for (const flag of FLAG_KINDS) {
            expect(t.flags[flag] ?? 0).toBe(under.reduce((s, p) => s + (p.flags[flag] ?? 0), 0));
          }
          const at20 = (r: typeof t) => r.turnoutTimeline.find((x) => x.hour === 20)?.voters ?? 0;
          expect(at20(t)).toBe(under.reduce((s, p) => s + at20(p), 0));
        }
      }),
    );
  });

  it('changes nothing when a report is applied again', () => {
    fc.assert(
      fc.property(
        reportsArb.filter((r) => r.length > 0),
        fc.nat(),
        (reports, pick) => {
          const tally = tallyOf(reports);
          const before = snapshot(tally);
          const version = tally.version;
          expect(applyReport(tally, reports[pick % reports.length])).toBe(false);
          expect(snapshot(tally)).toEqual(before);
          expect(tally.version).toBe(version);
        },
      ),
    );
  });

  it('gives the same result whatever the order the reports arrive in', () => {
    fc.assert(
      fc.property(
        reportsArb.chain((reports) => fc.tuple(fc.constant(reports), fc.shuffledSubarray(reports, { minLength: reports.length, maxLength: reports.length }))),
        ([reports, shuffled]) => {
          const one = tallyOf(reports);
          const other = tallyOf(shuffled);
          expect(snapshot(other)).toEqual(snapshot(one));
          expect(tallySeats(other, 'final', 'seed')).toEqual(tallySeats(one, 'final', 'seed'));
        },
      ),
    );
  });

  it('counts a box result, then the protocol as the final figure, and ignores an older resend', () => {
    const tally = createElectionTally(definition());
    const box = (sequence: number, a: number): PrecinctReport => ({
      kind: 'result',
      precinctId: PRECINCTS[0],
      deviceId: 'aeu',
      sequence,
      bodyHash: new Uint8Array(32),
      payload: { votes: { a, b: 10 }, invalidBallots: 1, againstAll: 0, ballotsInBox: a + 11, closedAtMs: AT },
    });
    expect(applyReport(tally, box(2, 50))).toBe(true);
    expect(applyReport(tally, box(1, 70))).toBe(false);
    expect(territoryResults(tally, 'kg', 0, 1)!.preliminary.votes).toEqual({ a: 50, b: 10 });
    expect(territoryResults(tally, 'r2', 0, 1)!.preliminary.votes).toEqual({});
    expect(applyReport(tally, { ...box(1, 1), precinctId: 'nowhere' })).toBe(false);
    // 50 : 10 of 21 seats: quotients 17.5 and 3.5; the tied remainder goes to the party with more votes.
    expect(tallySeats(tally, 'preliminary', 'seed')!.seats).toEqual({ a: 18, b: 3 });
  });

  it('checks a precinct’s devices together: two boxes of 900 ballots on 1,000 registered voters are flagged at every level', () => {
    const tally = createElectionTally(definition());
    const box = (deviceId: string): PrecinctReport => ({
      kind: 'result',
      precinctId: PRECINCTS[0],
      deviceId,
      sequence: 1,
      bodyHash: new Uint8Array(32),
      payload: { votes: { a: 800, b: 100 }, invalidBallots: 0, againstAll: 0, ballotsInBox: 900, closedAtMs: AT },
    });
    applyReport(tally, box('aeu-1'));
    expect(territoryResults(tally, 'kg', 0, 1)!.flags['over-registered']).toBeUndefined();
    applyReport(tally, box('aeu-2'));
    for (const id of tally.paths.get(PRECINCTS[0])!) expect(territoryResults(tally, id, 0, 1)!.flags['over-registered']).toBe(1);
    const [flag] = precinctFlags(tally.precincts.get(PRECINCTS[0]), 0, 1, 1000).filter((f) => f.kind === 'over-registered');
    expect(flag.details).toMatchObject({ registeredVoters: 1000, ballotsInBox: 1800, boxes: 2 });
  });

  it('flags silent precincts only once the deadline has passed', () => {
    const tally = createElectionTally(definition());
    expect(territoryResults(tally, 'kg', 100, 200)!.flags['not-reported']).toBeUndefined();
    expect(territoryResults(tally, 'kg', 300, 200)!.flags['not-reported']).toBe(8);
  });
});
