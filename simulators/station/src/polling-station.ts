import { MessageKind } from '@shailoo/contracts';
import { BallotCount, checkProtocol, closingTime, ELECTION_DAY, electionDayHour, ProtocolViolation, total, TURNOUT_CURVE } from '@shailoo/election';
import { DeviceKey } from '@shailoo/platform';
import { Random } from '@shailoo/platform';
import { Ballot, ballotsFor, BallotCounter } from '@shailoo/ballot-box';
import { IdentificationDevice, IdentificationSummary, sealIdentificationReport } from '@shailoo/identification-device';
import { Commission } from './commission';
import { Voter } from '@shailoo/voters';

/** The station's identification devices and the voters who come, in order of arrival. */
export interface StationIdentification {
  /** Voters queue at the devices in turn. */
  devices: { device: IdentificationDevice; key: DeviceKey }[];
  voters: Voter[];
  /** Voters of other precincts who also try to vote here; the device must turn them away. */
  visitors?: Voter[];
}

export interface StationConfig {
  counter: BallotCounter;
  commission: { deviceId: string; key: DeviceKey };
  electionId: string;
  definitionHash: string;
  date: string;
  registeredVoters: number;
  /** The ballots the voters will cast, as a count. */
  intended: BallotCount;
  /**
   * The precinct's further contests (a district's candidates beside the lists): every voter who
   * gets a ballot gets one of each, so each count has as many ballots as `intended`. The counter
   * must be configured with the same contests.
   */
  contests?: { id: string; intended: BallotCount }[];
  random: Random;
  /** Chance that the box fails during the day (STATION_DAY.boxFailureRate by default). */
  boxFailureRate?: number;
  /** Chance that the commission puts one ballot on the wrong pile when counting by hand (STATION_DAY.handCountErrorRate by default). */
  handCountErrorRate?: number;
  /** Identify each voter before they get a ballot; a refused voter casts none. */
  identification?: StationIdentification;
  /** The box jams at this time whatever the failure rate says (a scheduled fault). */
  boxJamAtMs?: number;
  /** Faults injected while the day runs (a trainer's console): read at every voter. */
  live?: { boxJamAtMs?: number };
  /** Receives each message as soon as the station produces it, before the day is over. */
  emit?: (message: StationMessage) => void;
}

/** One signed message with the virtual time it is sent at. */
export interface StationMessage {
  atMs: number;
  kind: MessageKind;
  deviceId: string;
  envelope: Buffer;
}

export interface StationDay {
  messages: StationMessage[];
  /** The truth: every ballot cast, box or ordinary box, as the voters marked it. */
  ballots: BallotCount;
  boxCount: BallotCount | null;
  manualCount: BallotCount;
  boxFailed: boolean;
  /** When the box failed (null when it held). */
  failedAtMs: number | null;
  /** Voters who got a ballot on the paper list because no identification device had power. */
  unidentified: number;
  printouts: string[];
  /** What the commission's own control relations say of its protocol (each further contest's prefixed with its id). */
  violations: ProtocolViolation[];
  identification: IdentificationSummary | null;
  /** Each further contest's day, by contest id: as `ballots`, `boxCount` and `manualCount` are for the first. */
  contests: Record<string, ContestDay>;
}

export interface ContestDay {
  ballots: BallotCount;
  boxCount: BallotCount | null;
  manualCount: BallotCount;
  ballotsIssued: number;
}

/**
 * The station's rates and delays, each with where it comes from (a test or a scenario overrides
 * the rates through StationConfig).
 */
export const STATION_DAY = {
  /** Chance that the box fails during the day (2020: 7.4% of stations). */
  boxFailureRate: 0.074,
  /** Chance that the commission puts one valid ballot on the wrong pile when counting by hand. */
  handCountErrorRate: 0.002,
  /** Most ballots the commission spoils while issuing them (a torn or misprinted one): 0 to this many. */
  maxSpoiledBallots: 3,
  /** From polls closing to the commission signing its protocol: the hand count, the control relations, the copies. */
  protocolSignedAfterMs: 90 * 60_000,
} as const;

const HOUR_MS = 3_600_000;

type Emit = (message: StationMessage) => void;

/** What the voting hours leave: every ballot cast (box and ordinary box), and who voted on the paper list. */
interface Voting {
  ballots: Ballot[];
  /** Each further contest's ballots cast, by contest id. */
  further: Map<string, Ballot[]>;
  unidentified: number;
  /** When the box fails (Infinity while it holds). */
  failsAt: () => number;
}

/**
 * A polling station's election day on a virtual clock: the box's zero report at 07:00, voters
 * arriving along the 2021 turnout curve from 08:00, each ballot read by the АЭУ (or, after a box
 * failure, dropped in an ordinary box), turnout snapshots at the CEC's reporting hours, the box's
 * protocol at 20:00, and the commission's hand count (with its human error) and protocol. It
 * returns every signed message with its time; sending them is the modem's job.
 */
export async function simulateStationDay(config: StationConfig): Promise<StationDay> {
  const { counter, commission, random, date } = config;
  const messages: StationMessage[] = [];
  const emit: Emit = (m) => {
    messages.push(m);
    config.emit?.(m);
  };
  const header = { electionId: config.electionId, definitionHash: config.definitionHash, precinctId: counter.box.identity.precinctId };
  const clerk = new Commission(commission.deviceId, commission.key, header);
  const printouts = [counter.printZeroReport(electionDayHour(date, ELECTION_DAY.commissionMeets))];
  counter.open();
  const voting = await runVoting(config, clerk, emit);
  const close = closingTime(date);
  const boxFailed = counter.state === 'failed';
  let boxCount: BallotCount | null = null;
  let boxContests: Record<string, BallotCount> = {};
  if (!boxFailed) {
    boxCount = counter.close(close);
    boxContests = counter.contestCounts();
    printouts.push(counter.printProtocol());
    emit({ atMs: close, kind: 'result', deviceId: counter.box.identity.deviceId, envelope: counter.box.seal(boxCount, close, boxContests).envelope });
  }
  const parties = Object.keys(config.intended.votes);
  const errorRate = config.handCountErrorRate ?? STATION_DAY.handCountErrorRate;
  const manualCount = handCount(voting.ballots, parties, random, errorRate);
  const figures = protocolFigures(config, voting.ballots.length, manualCount);
  // Each further contest's ballots are counted by hand and written on a protocol of their own.
  const contests: Record<string, ContestDay> = {};
  const contestFigures: Record<string, ReturnType<typeof protocolFigures>> = {};
  for (const c of config.contests ?? []) {
    const cast = voting.further.get(c.id) ?? [];
    const lines = Object.keys(c.intended.votes);
    const manual = handCount(cast, lines, random, errorRate, c.id);
    contestFigures[c.id] = protocolFigures(config, cast.length, manual);
    contests[c.id] = { ballots: countBallots(cast, lines, c.id), boxCount: boxCount && boxContests[c.id], manualCount: manual, ballotsIssued: cast.length };
  }
  const reports = await sendIdentificationReports(config.identification, header, close, emit);
  const signedAt = close + STATION_DAY.protocolSignedAfterMs;
  emit({ atMs: signedAt, kind: 'protocol', deviceId: commission.deviceId, envelope: clerk.sealProtocol(figures, boxFailed, signedAt, contestFigures) });
  messages.sort((x, y) => x.atMs - y.atMs);
  return {
    contests,
    messages,
    ballots: countBallots(voting.ballots, parties),
    boxCount,
    manualCount,
    boxFailed,
    failedAtMs: boxFailed ? voting.failsAt() : null,
    unidentified: voting.unidentified,
    printouts,
    violations: [
      ...checkProtocol(figures),
      ...Object.entries(contestFigures).flatMap(([id, f]) => checkProtocol(f).map((v) => ({ ...v, message: `${id}: ${v.message}` }))),
    ],
    identification: reports.length ? sumReports(reports) : null,
  };
}

/**
 * The voting hours: voters come in order of arrival; each is identified first (one who is refused
 * casts no ballot), then feeds the box, or the ordinary box once it failed. Those who try a second
 * time, or at the wrong station, arrive among the others and are turned away. The commission sends
 * a turnout snapshot at each of the CEC's reporting hours.
 */
async function runVoting(config: StationConfig, clerk: Commission, emit: Emit): Promise<Voting> {
  const { counter, commission, random, date } = config;
  const intended = ballotsFor(config.intended, random);
  // The further ballots are shuffled by a stream of their own, so a single-contest day draws as it always has.
  const shuffler = config.contests?.length ? new Random(random.nextUint32()) : null;
  const further = (config.contests ?? []).map((c) => ({ id: c.id, ballots: ballotsFor(c.intended, shuffler!, c.id) }));
  const cast = new Map(further.map((c) => [c.id, [] as Ballot[]]));
  const arrivals = intended.map(() => arrivalTime(date, random.next())).sort((a, b) => a - b);
  const idn = config.identification;
  if (idn && idn.voters.length < intended.length) throw new Error(`${intended.length} ballots but only ${idn.voters.length} voters who may vote here`);
  const visits = (idn?.visitors ?? []).map((v) => ({ voter: v, at: arrivalTime(date, random.next()) })).sort((x, y) => x.at - y.at);
  const drawnFailure =
    random.next() < (config.boxFailureRate ?? STATION_DAY.boxFailureRate)
      ? electionDayHour(date, ELECTION_DAY.opens) + random.next() * (ELECTION_DAY.closes - ELECTION_DAY.opens) * HOUR_MS
      : Infinity;
  const failsAt = () => Math.min(drawnFailure, config.boxJamAtMs ?? Infinity, config.live?.boxJamAtMs ?? Infinity);
  const snapshotHours = TURNOUT_CURVE.map(([hour]) => hour);
  const ballots: Ballot[] = [];
  let unidentified = 0;
  const snapshot = (hour: number) => {
    const at = electionDayHour(date, hour);
    emit({ atMs: at, kind: 'turnout', deviceId: commission.deviceId, envelope: clerk.sealTurnout(hour, ballots.length, at) });
  };
  for (let i = 0; i < intended.length; i++) {
    while (idn && visits.length && visits[0].at <= arrivals[i]) {
      const visit = visits.shift()!;
      const outcome = await identifyAt(idn, visits.length, visit.voter.pin, visit.at);
      if (outcome === 'identified') throw new Error(`${visit.voter.pin} was given a second ballot`);
    }
    while (snapshotHours.length && electionDayHour(date, snapshotHours[0]) <= arrivals[i]) snapshot(snapshotHours.shift()!);
    const outcome = idn ? await identifyAt(idn, i, idn.voters[i].pin, arrivals[i]) : 'identified';
    if (outcome === 'refused') continue;
    // With every identification device out of power the commission goes on with the paper list.
    if (outcome === 'no-device') unidentified++;
    if (counter.state === 'open' && arrivals[i] >= failsAt()) counter.fail('paper jam', failsAt());
    // An identified voter is issued one ballot per contest of the precinct, and casts them all.
    // After a failure they go into the ordinary box: counted by hand, never by the АЭУ.
    for (const [ballot, into] of [
      [intended[i], ballots] as const,
      ...further.filter((c) => i < c.ballots.length).map((c) => [c.ballots[i], cast.get(c.id)!] as const),
    ]) {
      if (counter.state === 'open') counter.read(ballot);
      into.push(ballot);
    }
  }
  while (snapshotHours.length) snapshot(snapshotHours.shift()!);
  return { ballots, further: cast, unidentified, failsAt };
}

/** The commission's protocol figures: the ballots it received, issued, spoiled and left, and its hand count. */
function protocolFigures(config: StationConfig, issued: number, manualCount: BallotCount) {
  const valid = total(manualCount.votes);
  const spoiled = config.random.int(0, STATION_DAY.maxSpoiledBallots);
  return {
    ballotsReceived: config.registeredVoters,
    ballotsIssued: issued,
    ballotsSpoiled: spoiled,
    ballotsUnused: config.registeredVoters - issued - spoiled,
    ballotsInBox: valid + manualCount.invalidBallots,
    validBallots: valid,
    invalidBallots: manualCount.invalidBallots,
    votes: manualCount.votes,
  };
}

/** At the close the identification devices synchronize what they did offline, then each sends its report. */
async function sendIdentificationReports(
  idn: StationIdentification | undefined,
  header: { electionId: string; definitionHash: string; precinctId: string },
  close: number,
  emit: Emit,
): Promise<IdentificationSummary[]> {
  const reports: IdentificationSummary[] = [];
  for (const { device, key } of idn?.devices ?? []) {
    await device.sync();
    const report = device.report();
    reports.push(report);
    emit({
      atMs: close,
      kind: 'identification',
      deviceId: device.deviceId,
      envelope: sealIdentificationReport(report, { deviceId: device.deviceId, key }, header, close),
    });
  }
  return reports;
}

/**
 * One person at the station's identification devices, taken in turn by `turn`; a device out of
 * power passes them to the next. 'no-device' when none has power left.
 */
async function identifyAt(idn: StationIdentification, turn: number, pin: string, atMs: number): Promise<'identified' | 'refused' | 'no-device'> {
  for (let k = 0; k < idn.devices.length; k++) {
    const { device } = idn.devices[(turn + k) % idn.devices.length];
    if (!hasPower(device)) continue;
    try {
      return (await device.identify(pin, atMs)).outcome;
    } catch (err) {
      if (hasPower(device)) throw err;
    }
  }
  return 'no-device';
}

const hasPower = (device: IdentificationDevice) => device.state !== 'dead';

/** A voter's arrival: the inverse of the 2021 turnout curve, linear between reporting hours. */
function arrivalTime(date: string, u: number): number {
  let [prevHour, prevShare]: [number, number] = [ELECTION_DAY.opens, 0];
  for (const [hour, share] of TURNOUT_CURVE) {
    if (u <= share) return electionDayHour(date, prevHour) + ((u - prevShare) / (share - prevShare)) * (hour - prevHour) * HOUR_MS;
    [prevHour, prevShare] = [hour, share];
  }
  return closingTime(date) - 1;
}

/**
 * A count of the ballots by party: as cast, or as a commission counts them by hand when `slip`
 * is given — it names the pile a valid ballot lands on (now and then the wrong one).
 */
function countBallots(ballots: Ballot[], parties: string[], contestId?: string, slip?: (partyId: string) => string): BallotCount {
  const votes = Object.fromEntries(parties.map((p) => [p, 0]));
  let invalidBallots = 0;
  for (const b of ballots) {
    if (b.mark !== 'party' || !(b.partyId in votes) || b.contestId !== contestId) invalidBallots++;
    else votes[slip ? slip(b.partyId) : b.partyId]++;
  }
  return { votes, invalidBallots };
}

/** The commission's count of every ballot of a contest, box and ordinary box alike, with an occasional slip. */
function handCount(ballots: Ballot[], parties: string[], random: Random, errorRate: number, contestId?: string): BallotCount {
  return countBallots(ballots, parties, contestId, (partyId) => (random.next() < errorRate ? parties[random.int(0, parties.length - 1)] : partyId));
}

/** The station's identification summary: its devices' reports added up. */
function sumReports(reports: IdentificationSummary[]): IdentificationSummary {
  return reports.slice(1).reduce(
    (sum, r) => ({
      identifiedByFingerprint: sum.identifiedByFingerprint + r.identifiedByFingerprint,
      identifiedByFace: sum.identifiedByFace + r.identifiedByFace,
      refused: Object.fromEntries(
        Object.entries(sum.refused).map(([k, v]) => [k, v + r.refused[k as keyof typeof r.refused]]),
      ) as IdentificationSummary['refused'],
      slipsPrinted: sum.slipsPrinted + r.slipsPrinted,
      identifiedOffline: sum.identifiedOffline + r.identifiedOffline,
      doubleVotes: [...sum.doubleVotes, ...r.doubleVotes],
    }),
    reports[0],
  );
}
