import { DeviceIds, deviceRegistration, DeviceRegistration } from '@shailoo/contracts';
import { BallotBox, BallotCounter } from '@shailoo/ballot-box';
import {
  cityCouncil2021,
  cityCouncilDefinition,
  CouncilDataset,
  definitionHash,
  ElectionDefinition,
  precinctsOf,
  synthesizeVotes,
  SynthesizedVotes,
} from '@shailoo/election';
import { Authority, BiometricModel, IdentificationDevice, precinctAuthority, TYPICAL_BIOMETRICS } from '@shailoo/identification-device';
import { DeviceKey, Random } from '@shailoo/platform';
import { simulateStationDay, StationDay } from '@shailoo/station';
import { VoterRegistry } from '@shailoo/voters';

/** One 2021 city council's election day, prepared from the dataset and a seed. */
export interface CouncilDay {
  dataset: CouncilDataset;
  definition: ElectionDefinition;
  hash: string;
  votes: SynthesizedVotes;
  boxes: { box: BallotBox; count: { votes: Record<string, number>; invalidBallots: number } }[];
}

/**
 * Builds the day: the definition, votes synthesized to land on the published seats, and one
 * ballot box per precinct with its own key. Every random draw comes from streams of `seed`,
 * so the same council and seed give the same day.
 */
export function prepareCouncilDay(council: string | number, seed: string): CouncilDay {
  const dataset = cityCouncil2021(council);
  const definition = cityCouncilDefinition(dataset);
  const hash = definitionHash(definition);
  const precincts = precinctsOf(definition.territory).map((p) => ({ id: p.id, registeredVoters: p.registeredVoters ?? 0 }));
  const rng = Random.stream(seed, `votes/${definition.id}`);
  const votes = synthesizeVotes({
    seats: Object.fromEntries(dataset.parties.map((p) => [p.id, p.seats])),
    participated: Math.round(dataset.voters * dataset.turnout),
    precincts,
    random: () => rng.next(),
  });
  const boxes = votes.precincts.map((p) => {
    const deviceId = DeviceIds.ballotBox(p.id);
    const box = new BallotBox({ deviceId, electionId: definition.id, precinctId: p.id, definitionHash: hash, key: DeviceKey.derive(seed, deviceId) });
    return { box, count: { votes: p.votes, invalidBallots: p.invalid } };
  });
  return { dataset, definition, hash, votes, boxes };
}

/** The boxes' registrations. */
export function deviceRegistrations(day: CouncilDay): DeviceRegistration[] {
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
export function stationDevices(day: CouncilDay, seed: string, precinct: number) {
  const entry = day.boxes[precinct - 1];
  if (!entry) throw new Error(`${day.definition.name} has precincts 1 to ${day.boxes.length}, not ${precinct}`);
  const { box, count } = entry;
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
  return { box, count, precinctId, commission, identification, devices };
}

/** What may vary between runs of one council's station. */
export interface StationChoice {
  /** 1-based index of the council's precinct. */
  precinct: number;
  seed: string;
  boxFailureRate?: number;
  handCountErrorRate?: number;
  biometrics?: BiometricModel;
  /** Share of the turnout who also try to vote at this precinct though they belong elsewhere. */
  doubleVoterRate?: number;
}

export interface StationRun {
  day: CouncilDay;
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
  day: CouncilDay,
  authorityFor?: (deviceId: string) => Authority,
  prepared: StationDevices = stationDevices(day, options.seed, options.precinct),
): Promise<StationRun> {
  const { box, count, precinctId, commission, identification, devices } = prepared;
  const contest = day.definition.contests[0];
  const counter = new BallotCounter(box, {
    parties: (contest.parties ?? []).map(({ id, name }) => ({ id, name })),
    electionName: day.definition.name,
    random: Random.stream(options.seed, `scanner/${precinctId}`),
  });
  const voters = new VoterRegistry(day.definition, { seed: options.seed });
  const idRandom = Random.stream(options.seed, `identification/${precinctId}`);
  const local = precinctAuthority(precinctId);
  const idDevices = identification.map(({ deviceId, key }) => ({
    key,
    device: new IdentificationDevice(
      deviceId,
      (pin) => voters.find(pin),
      authorityFor?.(deviceId) ?? local,
      local,
      Random.stream(options.seed, `device/${deviceId}`),
      options.biometrics ?? TYPICAL_BIOMETRICS,
    ),
  }));
  const turningOut = idRandom.shuffle(voters.votersAt(precinctId));
  const strangers = precinctsOf(day.definition.territory)
    .filter((p) => p.id !== precinctId)
    .flatMap((p) => voters.votersAt(p.id));
  const ballots = count.invalidBallots + Object.values(count.votes).reduce((a, b) => a + b, 0);
  const visitors = idRandom.shuffle(strangers).slice(0, Math.round((options.doubleVoterRate ?? 0) * ballots));
  const station = await simulateStationDay({
    counter,
    commission,
    electionId: day.definition.id,
    definitionHash: day.hash,
    date: day.definition.date,
    registeredVoters: precinctsOf(day.definition.territory)[options.precinct - 1].registeredVoters ?? 0,
    intended: count,
    random: Random.stream(options.seed, `station/${precinctId}`),
    boxFailureRate: options.boxFailureRate,
    handCountErrorRate: options.handCountErrorRate,
    identification: { devices: idDevices, voters: turningOut, visitors },
  });
  return { day, station, precinctId, devices };
}
