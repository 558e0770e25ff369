import { DeviceIds, deviceRegistration, DeviceRegistration } from '@shailoo/contracts';
import { BallotBox, BallotCounter } from '@shailoo/ballot-box';
import {
  addVotes,
  BallotCount,
  ballotLines,
  ballotsOf,
  candidateStrengths,
  cityCouncil2021,
  Contest,
  contestsAt,
  cityCouncilDefinition,
  CouncilDataset,
  definitionHash,
  ELECTION_DAY,
  electionDayHour,
  ElectionDefinition,
  isCandidateContest,
  precinctPaths,
  precinctsOf,
  synthesizeCandidateCount,
  SynthesizedVotes,
  synthesizeVotes,
} from '@shailoo/election';
import { Authority, BiometricModel, IdentificationDevice, precinctAuthority, TYPICAL_BIOMETRICS } from '@shailoo/identification-device';
import { DeviceKey, Random } from '@shailoo/platform';
import { simulateStationDay, StationConfig, StationDay } from '@shailoo/station';
import { Voter, VoterRegistry } from '@shailoo/voters';

/** An election's day, prepared from a seed: its definition, and per precinct a box and the ballots its voters will cast. */
export interface ElectionDay {
  definition: ElectionDefinition;
  hash: string;
  votes: SynthesizedVotes;
  /**
   * Per precinct: its box, the ballots its voters will cast in its first contest (`count`), and in
   * each further contest it votes in (a district's candidates beside the lists), by contest id.
   */
  boxes: { box: BallotBox; count: BallotCount; contests: Record<string, BallotCount> }[];
  /** Seats per party as published, where the source gives them. */
  publishedSeats?: Record<string, number>;
}

/** One 2021 city council's election day, prepared from the dataset and a seed. */
export interface CouncilDay extends ElectionDay {
  dataset: CouncilDataset;
}

/**
 * Builds the day: the definition, votes synthesized to land on the published seats, and one
 * ballot box per precinct with its own key. Every random draw comes from streams of `seed`,
 * so the same council and seed give the same day.
 */
export function prepareCouncilDay(council: string | number, seed: string, turnout?: number): CouncilDay {
  const dataset = cityCouncil2021(council);
  const seats = Object.fromEntries(dataset.parties.map((p) => [p.id, p.seats]));
  return { dataset, ...prepareElectionDay(cityCouncilDefinition(dataset), seats, turnout ?? dataset.turnout, seed) };
}

/**
 * The day of any party-list election whose seats are known: votes synthesized to land on `seats`
 * with `turnout` of the registered voters taking part, and a box with its own key per precinct.
 */
export function prepareElectionDay(
  definition: ElectionDefinition,
  seats: Record<string, number>,
  turnout: number,
  seed: string,
  threshold?: number,
): ElectionDay {
  const precincts = precinctsOf(definition.territory).map((p) => ({ id: p.id, registeredVoters: p.registeredVoters ?? 0 }));
  const rng = Random.stream(seed, `votes/${definition.id}`);
  const votes = synthesizeVotes({
    seats,
    participated: Math.round(precincts.reduce((s, p) => s + p.registeredVoters, 0) * turnout),
    precincts,
    random: () => rng.next(),
    threshold,
  });
  return { ...dayOf(definition, votes, seed), publishedSeats: seats };
}

/**
 * The day of an election whose precincts' first contest is one of candidates (village councils):
 * each precinct's turnout scatters around `turnout`, its ballots split by the candidates' strengths.
 */
export function prepareCandidateDay(definition: ElectionDefinition, turnout: number, seed: string): ElectionDay {
  const rng = Random.stream(seed, `votes/${definition.id}`);
  const strengths = contestStrengths(definition, seed);
  const first = firstContests(definition);
  const precincts = precinctsOf(definition.territory).map((p) => {
    const participated = Math.min(p.registeredVoters ?? 0, Math.round((p.registeredVoters ?? 0) * turnout * (0.85 + 0.3 * rng.next())));
    const contest = first.get(p.id);
    const count = contest ? synthesizeCandidateCount(participated, strengths.get(contest)!, () => rng.next()) : { votes: {}, invalidBallots: participated };
    return { id: p.id, participated, invalid: count.invalidBallots, votes: count.votes };
  });
  const sum = (f: (p: (typeof precincts)[number]) => number) => precincts.reduce((s, p) => s + f(p), 0);
  const votes: Record<string, number> = {};
  for (const p of precincts) addVotes(votes, p.votes);
  return dayOf(definition, { votes, invalid: sum((p) => p.invalid), participated: sum((p) => p.participated), precincts, attempts: 1 }, seed, strengths);
}

/** Each precinct's first contest (its messages' own count). */
function firstContests(definition: ElectionDefinition): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, path] of pathsOf(definition)) {
    const first = contestsAt(definition, path)[0];
    if (first) out.set(id, first.id);
  }
  return out;
}

/** Each candidate contest's candidates' strengths, drawn from the seed. */
function contestStrengths(definition: ElectionDefinition, seed: string): Map<string, Record<string, number>> {
  const rng = Random.stream(seed, `candidates/${definition.id}`);
  return new Map(definition.contests.filter(isCandidateContest).map((c) => [c.id, candidateStrengths(c.candidates ?? [], () => rng.next())]));
}

/**
 * A box with its own key per precinct, and the ballots of each precinct's further contests: as many
 * as of its first (every voter gets one of each), split by the candidates' strengths.
 */
function dayOf(definition: ElectionDefinition, votes: SynthesizedVotes, seed: string, strengths = contestStrengths(definition, seed)): ElectionDay {
  const hash = definitionHash(definition);
  const rng = Random.stream(seed, `further-votes/${definition.id}`);
  const paths = pathsOf(definition);
  const boxes = votes.precincts.map((p) => {
    const deviceId = DeviceIds.ballotBox(p.id);
    const box = new BallotBox({ deviceId, electionId: definition.id, precinctId: p.id, definitionHash: hash, key: DeviceKey.derive(seed, deviceId) });
    const count: BallotCount = { votes: p.votes, invalidBallots: p.invalid };
    const further = contestsAt(definition, paths.get(p.id) ?? []).slice(1);
    const contests = Object.fromEntries(further.map((c) => [c.id, synthesizeCandidateCount(ballotsOf(count), strengths.get(c.id) ?? {}, () => rng.next())]));
    return { box, count, contests };
  });
  return { definition, hash, votes, boxes };
}

const voterLists = new WeakMap<ElectionDay, Map<string, VoterRegistry>>();

/** The day's voter list for a seed (the population register the identification service holds too), built once. */
export function votersOf(day: ElectionDay, seed: string): VoterRegistry {
  let bySeed = voterLists.get(day);
  if (!bySeed) voterLists.set(day, (bySeed = new Map()));
  let list = bySeed.get(seed);
  if (!list) bySeed.set(seed, (list = VoterRegistry.of(day.definition, { seed }, day.hash)));
  return list;
}

/** The boxes' registrations. */
export function deviceRegistrations(day: ElectionDay): DeviceRegistration[] {
  return day.boxes.map(({ box }) => deviceRegistration(box.identity.deviceId, box.identity.precinctId, 'ballot-box', box.identity.key.publicKey));
}

/** Identification devices per station: about 5,750 in the fleet for 2,494 stations (2024). */
export const IDENTIFICATION_DEVICES_PER_STATION = 2;

/** A simulated device: its id and the key derived for it from the scenario's seed. */
export function simulatedDevice(seed: string, deviceId: string): { deviceId: string; key: DeviceKey } {
  return { deviceId, key: DeviceKey.derive(seed, deviceId) };
}

export type StationDevices = ReturnType<typeof stationDevices>;

/** A station's devices (ballot box, commission, identification devices) with their keys and registrations. */
export function stationDevices(day: ElectionDay, seed: string, precinct: number) {
  const entry = day.boxes[precinct - 1];
  if (!entry) throw new Error(`${day.definition.name} has precincts 1 to ${day.boxes.length}, not ${precinct}`);
  const { box, count, contests } = entry;
  const precinctId = box.identity.precinctId;
  const commission = simulatedDevice(seed, DeviceIds.commission(precinctId));
  const identification = Array.from({ length: IDENTIFICATION_DEVICES_PER_STATION }, (_, k) =>
    simulatedDevice(seed, DeviceIds.identification(precinctId, k + 1)),
  );
  const devices = [
    deviceRegistration(box.identity.deviceId, precinctId, 'ballot-box', box.identity.key.publicKey),
    deviceRegistration(commission.deviceId, precinctId, 'commission', commission.key.publicKey),
    ...identification.map((d) => deviceRegistration(d.deviceId, precinctId, 'identification', d.key.publicKey)),
  ];
  return { box, count, contests, precinctId, commission, identification, devices };
}

/** What may vary between runs of one council's station. */
export interface StationChoice {
  /** 1-based index of the council's precinct. */
  precinct: number;
  seed: string;
  boxFailureRate?: number;
  handCountErrorRate?: number;
  /** Chance the box reads a validly marked ballot as unreadable. */
  boxMisreadRate?: number;
  biometrics?: BiometricModel;
  /** Share of the turnout who also try to vote at this precinct though they belong elsewhere. */
  doubleVoterRate?: number;
  /** The box jams at this time (a scheduled fault). */
  boxJamAtMs?: number;
  /** Each identification device's printer fails, and its power is cut, with these chances. */
  printerFailureRate?: number;
  powerCutRate?: number;
  /** Receives each message as the station produces it. */
  emit?: StationConfig['emit'];
  /** Faults a trainer injects while the day runs: the box's jam time is read at every voter; the identification devices are filled in. */
  live?: LiveStation;
}

export interface LiveStation {
  boxJamAtMs?: number;
  identification?: IdentificationDevice[];
}

export interface StationRun {
  day: ElectionDay;
  station: StationDay;
  precinctId: string;
  devices: DeviceRegistration[];
}

/**
 * Simulates one station of a 2021 council: its day, its devices ready to register. The
 * identification devices ask `authorityFor(deviceId)` (the identification service, say); without
 * one, the precinct's own list. A caller that already has the station's devices passes them.
 */
export async function prepareStation(
  options: StationChoice,
  day: ElectionDay,
  authorityFor?: (deviceId: string) => Authority,
  prepared: StationDevices = stationDevices(day, options.seed, options.precinct),
): Promise<StationRun> {
  const { box, count, contests, precinctId, commission, identification, devices } = prepared;
  const here = contestsAt(day.definition, pathsOf(day.definition).get(precinctId) ?? []);
  const lines = (c: Contest) => ballotLines(c).map(({ id, name }) => ({ id, name }));
  const first = here[0] ?? day.definition.contests[0];
  const counter = new BallotCounter(box, {
    parties: first ? lines(first) : [],
    electionName: here.length > 1 || isCandidateContest(first) ? `${day.definition.name}: ${first.name}` : day.definition.name,
    random: Random.stream(options.seed, `scanner/${precinctId}`),
    misreadRate: options.boxMisreadRate,
    contests: here.slice(1).map((c) => ({ id: c.id, name: `${day.definition.name}: ${c.name}`, lines: lines(c) })),
  });
  const voters = votersOf(day, options.seed);
  const idRandom = Random.stream(options.seed, `identification/${precinctId}`);
  const local = precinctAuthority(precinctId);
  const faults = Random.stream(options.seed, `faults/${precinctId}`);
  const idDevices = identification.map(({ deviceId, key }) => {
    const device = new IdentificationDevice(
      deviceId,
      (pin) => voters.find(pin),
      authorityFor?.(deviceId) ?? local,
      local,
      Random.stream(options.seed, `device/${deviceId}`),
      options.biometrics ?? TYPICAL_BIOMETRICS,
    );
    if (faults.next() < (options.printerFailureRate ?? 0)) device.failPrinter(faults.next() < 0.5 ? 'prints-nothing' : 'out-of-paper');
    if (faults.next() < (options.powerCutRate ?? 0))
      device.losePower(electionDayHour(day.definition.date, ELECTION_DAY.opens) + faults.next() * 12 * 3_600_000);
    return { key, device };
  });
  if (options.live) options.live.identification = idDevices.map((d) => d.device);
  const turningOut = idRandom.shuffle(voters.votersAt(precinctId));
  const ballots = ballotsOf(count);
  const visitors = sampleVisitors(day, voters, precinctId, Math.round((options.doubleVoterRate ?? 0) * ballots), idRandom);
  const station = await simulateStationDay({
    counter,
    commission,
    electionId: day.definition.id,
    definitionHash: day.hash,
    date: day.definition.date,
    registeredVoters: precinctsOf(day.definition.territory)[options.precinct - 1].registeredVoters ?? 0,
    intended: count,
    contests: Object.entries(contests).map(([id, intended]) => ({ id, intended })),
    random: Random.stream(options.seed, `station/${precinctId}`),
    boxFailureRate: options.boxFailureRate,
    handCountErrorRate: options.handCountErrorRate,
    identification: { devices: idDevices, voters: turningOut, visitors },
    boxJamAtMs: options.boxJamAtMs,
    live: options.live,
    emit: options.emit,
  });
  return { day, station, precinctId, devices };
}

/** `count` voters of other precincts, drawn without repeats: those who will also try to vote here. */
function sampleVisitors(day: ElectionDay, voters: VoterRegistry, precinctId: string, count: number, random: Random): Voter[] {
  const others = precinctsOf(day.definition.territory).filter((p) => p.id !== precinctId && (p.registeredVoters ?? 0) > 0);
  const chosen = new Map<string, Voter>();
  for (let tries = 0; chosen.size < count && others.length && tries < count * 10; tries++) {
    const list = voters.listOf(others[random.int(0, others.length - 1)].id);
    const v = list[random.int(0, list.length - 1)];
    if (v && !v.remotePrecinctId) chosen.set(v.pin, v);
  }
  return [...chosen.values()];
}

const paths = new WeakMap<ElectionDefinition, Map<string, string[]>>();

/** Each precinct's path in a definition (precinctPaths), worked out once per definition. */
function pathsOf(definition: ElectionDefinition): Map<string, string[]> {
  let p = paths.get(definition);
  if (!p) paths.set(definition, (p = precinctPaths(definition.territory)));
  return p;
}
