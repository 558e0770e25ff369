import { SeatsView } from '@shailoo/contracts';
import { Territory, TerritoryLevel, TerritoryResults, walkTerritories } from '@shailoo/election';
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
  generatedAt: Date;
  vendor: string;
  isTest: boolean;
}

/** The results report: every territory as a reporting unit, precinct-level vote counts (final figures), and the seats. */
export function electionResultsReport({ election, territories, seats, generatedAt, vendor, isTest }: ErrInput) {
  const def = election.definition;
  const root = territories.get(def.territory.id)!;
  const gpUnits = [...walkTerritories(def.territory)].map(({ territory }) => reportingUnit(territory, territories.get(territory.id)!));
  const precincts = [...election.precincts.keys()];
  const allocation = seats.status === 'final' ? seats.final : seats.provisional;
  const contests = def.contests.map((contest) => ({
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
  }));
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
    Election: [
      {
        '@type': 'ElectionResults.Election',
        ElectionScopeId: ncname('gpu', def.territory.id),
        StartDate: def.date,
        EndDate: def.date,
        Name: text(def.name),
        Type: 'general',
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
