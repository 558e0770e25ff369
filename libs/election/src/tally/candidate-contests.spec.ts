import fc from 'fast-check';
import { total } from '../count';
import { Candidate, Contest, ElectionDefinition, Territory } from '../definition';
import { allocateVillageCouncil } from '../village-council';
import { applyReport, contestCounts, contestOutcome, createElectionTally, ElectionTally } from './election-tally';
import { emptyFigures, Figures, addFigures } from './figures';
import { precinctFlags } from './precinct-flags';
import { ContestCount, ContestProtocol, PrecinctReport } from './reports';

const AT = Date.UTC(2021, 10, 28, 14);
const precinct = (id: string): Territory => ({ id, name: id, level: 'precinct', registeredVoters: 5000 });
const DISTRICTS = ['r1-d1', 'r1-d2', 'r2-d1'];
const PRECINCTS = DISTRICTS.flatMap((d) => [`${d}-p1`, `${d}-p2`]);
const districtOf = (p: string) => p.slice(0, 5);
const candidates = (prefix: string, n: number, women = 0): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-c${i + 1}`,
    name: `${prefix} ${i + 1}`,
    sex: i < women ? 'F' : 'M',
    order: i + 1,
    registration: n - i,
  }));

/** A parliament in small: party lists over the country, and a single-member contest per district (every voter gets both ballots). */
function parliament(): ElectionDefinition {
  const district = (id: string): Territory => ({ id, name: id, level: 'district', children: [precinct(`${id}-p1`), precinct(`${id}-p2`)] });
  return {
    id: 'jk',
    name: 'jk',
    type: 'parliament',
    date: '2021-11-28',
    territory: {
      id: 'kg',
      name: 'kg',
      level: 'country',
      children: [
        { id: 'r1', name: 'r1', level: 'region', children: [district('r1-d1'), district('r1-d2')] },
        { id: 'r2', name: 'r2', level: 'region', children: [district('r2-d1')] },
      ],
    },
    contests: [
      {
        id: 'list',
        name: 'list',
        system: 'parliament-list',
        seats: 54,
        territoryId: 'kg',
        againstAll: false,
        parties: ['a', 'b', 'c'].map((id, i) => ({ id, name: id, order: i + 1 })),
        rules: { threshold: 0.05, regionalThreshold: 0.005, cap: 27 },
      },
      ...DISTRICTS.map((d): Contest => ({
        id: `${d}-smd`,
        name: d,
        system: 'single-member',
        seats: 1,
        territoryId: d,
        againstAll: false,
        candidates: candidates(d, 3),
        rules: {},
      })),
    ],
  };
}

/** Small vote counts, so that ties are common. */
const countArb = (lines: string[]) =>
  fc.record({ votes: fc.tuple(...lines.map(() => fc.nat({ max: 6 }))), invalid: fc.nat({ max: 3 }) }).map(({ votes, invalid }) => {
    const v = Object.fromEntries(lines.map((id, i) => [id, votes[i]]));
    return { votes: v, invalidBallots: invalid, againstAll: 0, ballotsInBox: total(v) + invalid } satisfies ContestCount;
  });

const protocolOf = (c: ContestCount): ContestProtocol => ({
  ...c,
  ballotsReceived: 5000,
  ballotsIssued: c.ballotsInBox,
  ballotsUnused: 5000 - c.ballotsInBox,
  ballotsSpoiled: 0,
  validBallots: total(c.votes),
});

/** A box result or a protocol of one precinct: the lists as the message's own count, its district in `contests`. */
const parliamentReportArb = fc
  .record({
    precinct: fc.constantFrom(...PRECINCTS),
    kind: fc.constantFrom('result' as const, 'protocol' as const),
    list: countArb(['a', 'b', 'c']),
    seq: fc.integer({ min: 1, max: 3 }),
  })
  .chain((r) => countArb(candidates(districtOf(r.precinct), 3).map((c) => c.id)).map((district) => ({ ...r, district })))
  .map(({ precinct: p, kind, list, district, seq }): PrecinctReport => {
    const contests = { [`${districtOf(p)}-smd`]: district };
    const common = { precinctId: p, sequence: seq, bodyHash: new Uint8Array(32) };
    return kind === 'result'
      ? { ...common, kind, deviceId: `aeu-${p}`, payload: { ...list, closedAtMs: AT, contests } }
      : {
          ...common,
          kind,
          deviceId: `com-${p}`,
          payload: { ...protocolOf(list), boxFailed: false, signedAtMs: AT, contests: { [`${districtOf(p)}-smd`]: protocolOf(district) } },
        };
  });

/** What counts at the end, worked out apart from the tally: each device's latest report, the protocol over the box. */
function finalOf(reports: PrecinctReport[], contestId: string, precincts: string[]): Figures {
  const sum = emptyFigures();
  for (const p of precincts) {
    const latest = (kind: string) => reports.filter((r) => r.precinctId === p && r.kind === kind).sort((x, y) => y.sequence - x.sequence)[0];
    const r = latest('protocol') ?? latest('result');
    const c = (r?.payload as { contests?: Record<string, ContestCount> } | undefined)?.contests?.[contestId];
    if (c) addFigures(sum, { votes: c.votes, invalidBallots: c.invalidBallots, againstAll: c.againstAll, ballotsInBox: c.ballotsInBox });
  }
  return sum;
}

function applyAll(tally: ElectionTally, reports: PrecinctReport[]): void {
  for (const r of reports) applyReport(tally, r);
}

describe('single-member districts in the tally', () => {
  it('elects the plurality of the final counts in every district, a tie going to the candidate registered earlier, whatever the order of the reports', () => {
    const def = parliament();
    fc.assert(
      fc.property(fc.array(parliamentReportArb, { minLength: 1, maxLength: 40 }), fc.integer(), (reports, shuffleSeed) => {
        // Each device's sequence numbers its own reports: only one report per (device, sequence).
        const unique = [...new Map(reports.map((r) => [`${r.deviceId}/${r.sequence}`, r])).values()];
        const tally = createElectionTally(def);
        applyAll(tally, fc.sample(fc.shuffledSubarray(unique, { minLength: unique.length }), { seed: shuffleSeed, numRuns: 1 })[0]);
        for (const d of DISTRICTS) {
          const contest = def.contests.find((c) => c.id === `${d}-smd`)!;
          const expected = finalOf(unique, contest.id, [`${d}-p1`, `${d}-p2`]);
          const counts = contestCounts(tally, contest.id, d);
          expect(counts?.final).toEqual(expected);
          // The country sees the district's contest as the district does.
          expect(contestCounts(tally, contest.id, 'kg')?.final).toEqual(counts?.final);
          const outcome = contestOutcome(tally, contest, 'final', 'seed');
          if (expected.ballotsInBox === 0) {
            expect(outcome).toBeNull();
            continue;
          }
          if (outcome?.system !== 'single-member') throw new Error('a single-member outcome');
          const top = Math.max(...contest.candidates!.map((c) => expected.votes[c.id] ?? 0));
          const tied = contest.candidates!.filter((c) => (expected.votes[c.id] ?? 0) === top);
          const earliest = tied.sort((x, y) => x.registration! - y.registration!)[0];
          expect(outcome.single.winner).toBe(earliest.id);
          expect(outcome.single.tie?.rule).toBe(tied.length > 1 ? 'registered-earlier' : undefined);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts a district only where its ballots were counted: an old single-contest message counts the lists alone', () => {
    const def = parliament();
    const tally = createElectionTally(def);
    const list = { votes: { a: 10, b: 5, c: 1 }, invalidBallots: 1, againstAll: 0, ballotsInBox: 17 };
    applyReport(tally, {
      kind: 'result',
      precinctId: 'r1-d1-p1',
      deviceId: 'aeu',
      sequence: 1,
      bodyHash: new Uint8Array(32),
      payload: { ...list, closedAtMs: AT },
    });
    expect(contestCounts(tally, 'list', 'kg')).toMatchObject({ precinctsReporting: 1, precinctsTotal: 6, preliminary: list });
    expect(contestCounts(tally, 'r1-d1-smd', 'r1-d1')).toMatchObject({ precinctsReporting: 0, precinctsTotal: 2, preliminary: emptyFigures() });
    expect(contestOutcome(tally, def.contests[1], 'preliminary', 'seed')).toBeNull();
  });

  it('flags a precinct whose box and protocol differ in the district contest alone, counted for that contest', () => {
    const def = parliament();
    const tally = createElectionTally(def);
    const list = { votes: { a: 10, b: 5, c: 1 }, invalidBallots: 1, againstAll: 0, ballotsInBox: 17 };
    const box = { votes: { 'r1-d1-c1': 9, 'r1-d1-c2': 7, 'r1-d1-c3': 0 }, invalidBallots: 1, againstAll: 0, ballotsInBox: 17 };
    const hand = { ...box, votes: { 'r1-d1-c1': 8, 'r1-d1-c2': 8, 'r1-d1-c3': 0 } };
    const base = { precinctId: 'r1-d1-p1', sequence: 1, bodyHash: new Uint8Array(32) };
    applyReport(tally, { ...base, kind: 'result', deviceId: 'aeu', payload: { ...list, closedAtMs: AT, contests: { 'r1-d1-smd': box } } });
    applyReport(tally, {
      ...base,
      kind: 'protocol',
      deviceId: 'com',
      payload: { ...protocolOf(list), boxFailed: false, signedAtMs: AT, contests: { 'r1-d1-smd': protocolOf(hand) } },
    });
    expect(contestCounts(tally, 'r1-d1-smd', 'kg')!.flags).toEqual({ 'box-manual-mismatch': 1, 'manual-only': 0 });
    expect(contestCounts(tally, 'list', 'kg')!.flags).toEqual({ 'box-manual-mismatch': 0, 'manual-only': 0 });
    const [flag] = precinctFlags(tally.precincts.get('r1-d1-p1'), 0, Infinity, 5000).filter((f) => f.kind === 'box-manual-mismatch');
    expect(flag.details).toEqual({ differences: {}, contests: { 'r1-d1-smd': { 'r1-d1-c1': 1, 'r1-d1-c2': -1 } } });
    // The final figures are the protocol's: the hand count's tie, decided by the earlier registration (c2 registered before c1).
    const outcome = contestOutcome(tally, def.contests[1], 'final', 'seed');
    expect(outcome?.system === 'single-member' && outcome.single).toMatchObject({
      winner: 'r1-d1-c2',
      tie: { rule: 'registered-earlier', tied: ['r1-d1-c1', 'r1-d1-c2'] },
    });
  });

  it('compares box and hand count only in the contests both counted: a box without the district leaves it to the protocol (manual-only there)', () => {
    const def = parliament();
    const tally = createElectionTally(def);
    const list = { votes: { a: 10, b: 5, c: 1 }, invalidBallots: 1, againstAll: 0, ballotsInBox: 17 };
    const hand = { votes: { 'r1-d1-c1': 8, 'r1-d1-c2': 8, 'r1-d1-c3': 0 }, invalidBallots: 1, againstAll: 0, ballotsInBox: 17 };
    const base = { precinctId: 'r1-d1-p1', sequence: 1, bodyHash: new Uint8Array(32) };
    applyReport(tally, { ...base, kind: 'result', deviceId: 'aeu', payload: { ...list, closedAtMs: AT } });
    applyReport(tally, {
      ...base,
      kind: 'protocol',
      deviceId: 'com',
      payload: { ...protocolOf(list), boxFailed: false, signedAtMs: AT, contests: { 'r1-d1-smd': protocolOf(hand) } },
    });
    expect(precinctFlags(tally.precincts.get('r1-d1-p1'), 0, Infinity, 5000).map((f) => f.kind)).not.toContain('box-manual-mismatch');
    expect(contestCounts(tally, 'r1-d1-smd', 'kg')).toMatchObject({
      precinctsReporting: 1,
      flags: { 'box-manual-mismatch': 0, 'manual-only': 1 },
      final: { votes: hand.votes },
    });
    expect(contestCounts(tally, 'list', 'kg')!.flags).toEqual({ 'box-manual-mismatch': 0, 'manual-only': 0 });
  });
});

describe('village councils in the tally', () => {
  const COUNCILS = [
    { id: 'v1', seats: 7, candidates: candidates('v1', 11, 4) },
    { id: 'v2', seats: 5, candidates: candidates('v2', 8, 1) },
  ];
  /** Two councils, each its own district: a precinct's only contest is its council. */
  const def: ElectionDefinition = {
    id: 'ak',
    name: 'ak',
    type: 'village-council',
    date: '2021-04-11',
    territory: {
      id: 'all',
      name: 'all',
      level: 'country',
      children: COUNCILS.map((c) => ({ id: c.id, name: c.id, level: 'district' as const, children: [precinct(`${c.id}-p1`), precinct(`${c.id}-p2`)] })),
    },
    contests: COUNCILS.map((c) => ({
      id: `${c.id}-council`,
      name: c.id,
      system: 'village-council' as const,
      seats: c.seats,
      territoryId: c.id,
      againstAll: false,
      candidates: c.candidates,
      rules: { womenReserve: 0.3 },
    })),
  };
  const reportArb = fc
    .constantFrom(...COUNCILS)
    .chain((c) => fc.record({ council: fc.constant(c), p: fc.constantFrom(1, 2), count: countArb(c.candidates.map((x) => x.id)) }))
    .map(({ council, p, count }): PrecinctReport => ({
      kind: 'result',
      precinctId: `${council.id}-p${p}`,
      deviceId: `aeu-${council.id}-${p}`,
      sequence: 1,
      bodyHash: new Uint8Array(32),
      payload: { ...count, closedAtMs: AT },
    }));

  it('holds the women’s reserve in every council: the reserved seats go to the women with most votes, the rest by votes, all seats filled', () => {
    fc.assert(
      fc.property(fc.uniqueArray(reportArb, { selector: (r) => r.deviceId, minLength: 1 }), (reports) => {
        const tally = createElectionTally(def);
        applyAll(tally, reports);
        for (const contest of def.contests) {
          const figures = contestCounts(tally, contest.id, contest.territoryId)!.preliminary;
          const outcome = contestOutcome(tally, contest, 'preliminary', 'seed');
          if (figures.ballotsInBox === 0) continue;
          if (outcome?.system !== 'village-council') throw new Error('a village-council outcome');
          const a = outcome.council;
          const women = contest.candidates!.filter((c) => c.sex === 'F');
          expect(a.reserved).toBe(Math.ceil(0.3 * contest.seats));
          expect(a.elected).toHaveLength(contest.seats);
          expect(new Set(a.elected).size).toBe(contest.seats);
          const electedWomen = a.elected.filter((id) => women.some((w) => w.id === id));
          expect(electedWomen.length).toBeGreaterThanOrEqual(Math.min(a.reserved, women.length));
          // No woman left out has more votes than one on a reserved seat; nobody left out has more than one on a general seat.
          const votes = (id: string) => figures.votes[id] ?? 0;
          const out = contest.candidates!.filter((c) => !a.elected.includes(c.id));
          for (const w of out.filter((c) => c.sex === 'F')) for (const r of a.reservedTo) expect(votes(w.id)).toBeLessThanOrEqual(votes(r));
          for (const c of out) for (const g of a.general) expect(votes(c.id)).toBeLessThanOrEqual(votes(g));
          expect(a).toEqual(
            allocateVillageCouncil({
              seats: contest.seats,
              candidates: contest.candidates!.map((c) => ({ id: c.id, sex: c.sex, votes: votes(c.id) })),
              womenReserve: 0.3,
              seed: 'seed',
            }),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
