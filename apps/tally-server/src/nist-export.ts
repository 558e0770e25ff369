import { ContestResults, SeatsView } from '@shailoo/contracts';
import { Candidate, Contest, ContestCounts, isCandidateContest, Territory, TerritoryLevel, TerritoryResults, walkTerritories } from '@shailoo/election';
import { RegisteredElection } from '@shailoo/registry';

/**
 * Exports in the NIST Common Data Formats: SP 1500-100 v2 election results (ERR) and
 * SP 1500-101 election event logs (EEL). Schemas: libs/contracts/standards/.
 */

/** An xs:NCName: a letter or '_' first, then letters, digits, '.', '-' or '_'. */
export function ncname(prefix: string, id: string): string {
  return `${prefix}-${id}`.replace(/[^A-Za-z0-9._-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

const UNIT_TYPE: Record<TerritoryLevel, string> = { country: 'country', region: 'state', district: 'city', precinct: 'precinct' };

const text = (content: string, language = 'ky') => ({
  '@type': 'ElectionResults.InternationalizedText',
  Text: [{ '@type': 'ElectionResults.LanguageString', Content: content, Language: language }],
});

export interface ErrInput {
  election: RegisteredElection;
  territories: Map<string, TerritoryResults>;
  seats: SeatsView;
  /** Every contest's results (ContestResults), and one contest's counts in one territory. */
  contests: ContestResults[];
  contestAt: (contestId: string, territoryId: string) => ContestCounts | null;
  generatedAt: Date;
  vendor: string;
  isTest: boolean;
}

/** The results report: every territory as a reporting unit, precinct-level vote counts (final figures), and the seats. */
export function electionResultsReport({ election, territories, seats, contests: results, contestAt, generatedAt, vendor, isTest }: ErrInput) {
  const def = election.definition;
  const root = territories.get(def.territory.id)!;
  const gpUnits = [...walkTerritories(def.territory)].map(({ territory }) => reportingUnit(territory, territories.get(territory.id)!));
  const precincts = [...election.precincts.keys()];
  const allocation = seats.status === 'final' ? seats.final : seats.provisional;
  const candidateContests = def.contests.filter(isCandidateContest);
  const resultOf = new Map(results.map((r) => [r.contestId, r]));
  const partyContest = (contest: Contest) => ({
    '@id': ncname('contest', contest.id),
    '@type': 'ElectionResults.PartyContest',
    ElectionDistrictId: ncname('gpu', contest.territoryId),
    Name: contest.name,
    SubUnitsReported: root.precinctsReporting,
    TotalSubUnits: root.precinctsTotal,
    ContestSelection: (contest.parties ?? []).map((party) => ({
      '@id': ncname('selection', `${contest.id}-${party.id}`),
      '@type': 'ElectionResults.PartySelection',
      PartyIds: [ncname('party', party.id)],
      SequenceOrder: party.order,
      VoteCounts: [
        ...precincts
          .filter((p) => territories.get(p)!.precinctsReporting > 0)
          .map((p) => ({
            '@type': 'ElectionResults.VoteCounts',
            Type: 'total',
            GpUnitId: ncname('gpu', p),
            Count: territories.get(p)!.final.votes[party.id] ?? 0,
          })),
        ...(allocation
          ? [{ '@type': 'ElectionResults.VoteCounts', Type: 'seats', GpUnitId: ncname('gpu', contest.territoryId), Count: allocation.seats[party.id] ?? 0 }]
          : []),
      ],
    })),
  });
  // A candidate contest: one mark per ballot; a district elects the plurality, a village council its seats by votes with the women's reserve.
  const candidateContest = (contest: Contest) => {
    const r = resultOf.get(contest.id);
    // The precincts that counted this contest, each looked up once for all its candidates.
    const counted = precincts.map((p) => ({ p, counts: contestAt(contest.id, p) })).filter(({ counts }) => counts && counts.precinctsReporting > 0);
    return {
      '@id': ncname('contest', contest.id),
      '@type': 'ElectionResults.CandidateContest',
      ElectionDistrictId: ncname('gpu', contest.territoryId),
      Name: contest.name,
      NumberElected: contest.seats,
      VotesAllowed: 1,
      ...(contest.system === 'single-member'
        ? { VoteVariation: 'plurality' }
        : {
            VoteVariation: 'other',
            OtherVoteVariation: `one vote per voter, the ${contest.seats} with most votes elected, at least ${pctOf(contest.rules.womenReserve ?? 0.3)} of the seats reserved for women`,
          }),
      SubUnitsReported: r?.precinctsReporting ?? 0,
      TotalSubUnits: r?.precinctsTotal ?? 0,
      ContestSelection: (contest.candidates ?? []).map((c) => ({
        '@id': ncname('selection', `${contest.id}-${c.id}`),
        '@type': 'ElectionResults.CandidateSelection',
        CandidateIds: [ncname('candidate', c.id)],
        SequenceOrder: c.order,
        ...(c.partyId ? { EndorsementPartyIds: [ncname('party', c.partyId)] } : {}),
        VoteCounts: counted.map(({ p, counts }) => ({
          '@type': 'ElectionResults.VoteCounts',
          Type: 'total',
          GpUnitId: ncname('gpu', p),
          Count: counts!.final.votes[c.id] ?? 0,
        })),
      })),
    };
  };
  const candidates = candidateContests.flatMap((contest) => {
    const r = resultOf.get(contest.id);
    const decided = !!r && (r.status === 'final' ? r.outcome.final : r.outcome.provisional) !== null;
    return (contest.candidates ?? []).map((c) => ({
      '@id': ncname('candidate', c.id),
      '@type': 'ElectionResults.Candidate',
      BallotName: names(c),
      PersonId: ncname('person', c.id),
      ...(c.partyId ? { PartyId: ncname('party', c.partyId) } : {}),
      ...(decided ? { PostElectionStatus: r!.elected.includes(c.id) ? (r!.status === 'final' ? 'winner' : 'projected-winner') : 'defeated' } : {}),
    }));
  });
  const persons = candidateContests.flatMap((contest) =>
    (contest.candidates ?? []).map((c) => ({
      '@id': ncname('person', c.id),
      '@type': 'ElectionResults.Person',
      FullName: names(c),
      Gender: c.sex === 'F' ? 'female' : 'male',
    })),
  );
  const contests = def.contests.map((c) => (isCandidateContest(c) ? candidateContest(c) : partyContest(c)));
  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'precinct-level',
    GeneratedDate: generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Issuer: 'Central Election Commission of the Kyrgyz Republic (simulated)',
    IssuerAbbreviation: 'BShK',
    IsTest: isTest,
    ...(isTest ? { TestType: 'simulation' } : {}),
    SequenceStart: 1,
    SequenceEnd: 1,
    Status: root.precinctsReporting === root.precinctsTotal ? 'unofficial-complete' : 'unofficial-partial',
    VendorApplicationId: vendor,
    Notes: `definition sha-256 ${election.hash}; seats ${seats.status}`,
    GpUnit: gpUnits,
    Party: (def.contests[0]?.parties ?? []).map((p) => ({ '@id': ncname('party', p.id), '@type': 'ElectionResults.Party', Name: text(p.name) })),
    ...(persons.length ? { Person: persons } : {}),
    Election: [
      {
        '@type': 'ElectionResults.Election',
        ElectionScopeId: ncname('gpu', def.territory.id),
        StartDate: def.date,
        EndDate: def.date,
        Name: text(def.name),
        Type: 'general',
        ...(candidates.length ? { Candidate: candidates } : {}),
        Contest: contests,
        BallotCounts: precincts
          .filter((p) => territories.get(p)!.precinctsReporting > 0)
          .map((p) => ({
            '@type': 'ElectionResults.BallotCounts',
            Type: 'total',
            GpUnitId: ncname('gpu', p),
            BallotsCast: territories.get(p)!.final.ballotsInBox,
          })),
      },
    ],
  };
}

/** A candidate's name on the ballot, in its Kyrgyz form and (where known) its Russian one. */
function names(c: Candidate) {
  const t = text(c.name);
  if (c.nameRu) t.Text.push({ '@type': 'ElectionResults.LanguageString', Content: c.nameRu, Language: 'ru' });
  return t;
}

const pctOf = (x: number) => `${Math.round(x * 100)}%`;

function reportingUnit(t: Territory, r: TerritoryResults) {
  return {
    '@id': ncname('gpu', t.id),
    '@type': 'ElectionResults.ReportingUnit',
    Type: UNIT_TYPE[t.level],
    Name: text(t.name),
    ...(t.children?.length ? { ComposingGpUnitIds: t.children.map((c) => ncname('gpu', c.id)) } : {}),
    VotersRegistered: r.registeredVoters,
    VotersParticipated: r.final.ballotsInBox,
    SubUnitsReported: r.precinctsReporting,
    TotalSubUnits: r.precinctsTotal,
  };
}

export interface DeviceEvent {
  deviceId: string;
  deviceKind: string;
  sequence: string;
  at: Date;
  type: string;
  success: boolean;
  description: string;
  hash?: string;
}

const DEVICE_TYPE: Record<string, string> = { 'ballot-box': 'scan-single', identification: 'electronic-poll-book' };

/** The event log: each device's messages as the tally server received them, accepted or refused. */
export function electionEventLog(electionId: string, events: DeviceEvent[], generatedAt: Date) {
  const byDevice = new Map<string, DeviceEvent[]>();
  for (const e of events) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
  return {
    '@type': 'EventLogging.ElectionEventLog',
    ElectionId: electionId,
    GeneratedTime: generatedAt.toISOString(),
    Details: 'Messages received from polling-station devices by the tally server',
    Device: [...byDevice.entries()].map(([deviceId, list]) => {
      const kind = list[0].deviceKind;
      return {
        '@type': 'EventLogging.Device',
        Id: deviceId,
        Type: DEVICE_TYPE[kind] ?? 'other',
        ...(DEVICE_TYPE[kind] ? {} : { OtherType: kind }),
        HashType: 'sha-256',
        Event: list.map((e, i) => ({
          '@type': 'EventLogging.Event',
          Id: `${deviceId}-${i + 1}`,
          Sequence: e.sequence,
          TimeStamp: e.at.toISOString(),
          Type: e.type,
          Disposition: e.success ? 'success' : 'failure',
          Description: e.description,
          ...(e.hash ? { Hash: e.hash } : {}),
        })),
      };
    }),
  };
}
