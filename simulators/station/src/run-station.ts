import { AcceleratedClock } from '../../../libs/platform/src/clock';
import { bishkekTime, electionDayHour, precinctsOf } from '../../../libs/election/src';
import { Random } from '../../../libs/platform/src/random';
import { DeviceRegistration, deviceRegistration } from '../../../libs/persistence/src/election-registry';
import { BallotCounter } from '../../ballot-box/src/ballot-counter';
import { LINK_PROFILES, LinkModel } from '../../modem/src/link-model';
import { Modem } from '../../modem/src/modem';
import { Outbox } from '../../modem/src/outbox';
import { commissionDevice, CouncilDay, deviceKey, prepareCouncilDay } from '../../scenario/src/council-day';
import { Authority, BiometricModel, IdentificationDevice, TYPICAL_BIOMETRICS } from '../../identification/src/identification-device';
import { VoterRegistry, votingPrecinct } from '../../../libs/voters/src/voter-registry';
import { simulateStationDay, StationDay } from './polling-station';

export interface RunStationOptions {
  council: string | number;
  /** 1-based index of the council's precinct. */
  precinct: number;
  seed: string;
  brokerUrl: string;
  /** Virtual seconds per real second. */
  speed: number;
  link: keyof typeof LINK_PROFILES;
  boxFailureRate?: number;
  /** Directory for the modems' outboxes; in memory when not given. */
  outboxDir?: string;
  log?: (line: string) => void;
}

export interface StationRun {
  day: CouncilDay;
  station: StationDay;
  precinctId: string;
  devices: DeviceRegistration[];
}

export type StationChoice = Pick<RunStationOptions, 'council' | 'precinct' | 'seed' | 'boxFailureRate'> & {
  handCountErrorRate?: number;
  biometrics?: BiometricModel;
  /** Share of the turnout who also try to vote at this precinct though they belong elsewhere. */
  doubleVoterRate?: number;
};

/** Identification devices per station: about 5,750 in the fleet for 2,494 stations (2024). */
export const IDENTIFICATION_DEVICES_PER_STATION = 2;

/** The precinct's own view of one voter, one vote: its voters (remote applicants included), once each. */
export function precinctAuthority(precinctId: string): Authority {
  const identified = new Set<string>();
  return (voter) => {
    if (votingPrecinct(voter) !== precinctId) return { ok: false, reason: 'other-precinct' };
    if (identified.has(voter.pin)) return { ok: false, reason: 'already-identified' };
    identified.add(voter.pin);
    return { ok: true };
  };
}

/**
 * Prepares one station of a 2021 council: its day simulated, its devices ready to register. The
 * identification device asks `authority` (the identification service, say); without one, the
 * precinct's own list.
 */
export async function prepareStation(
  options: StationChoice,
  day: CouncilDay = prepareCouncilDay(options.council, options.seed),
  authorityFor?: (deviceId: string) => Authority,
): Promise<StationRun> {
  const { box, count, precinctId, commission, identification, devices } = stationDevices(day, options.seed, options.precinct);
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
    device: new IdentificationDevice(deviceId, (pin) => voters.find(pin), authorityFor?.(deviceId) ?? local, local, Random.stream(options.seed, `device/${deviceId}`), options.biometrics ?? TYPICAL_BIOMETRICS),
  }));
  const turningOut = idRandom.shuffle(voters.votersAt(precinctId));
  const strangers = precinctsOf(day.definition.territory)
    .filter((p) => p.id !== precinctId)
    .flatMap((p) => voters.votersAt(p.id));
  const visitors = idRandom.shuffle(strangers).slice(0, Math.round((options.doubleVoterRate ?? 0) * (count.invalidBallots + Object.values(count.votes).reduce((a, b) => a + b, 0))));
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

/** A station's devices (ballot box, commission, identification devices) with their keys and registrations. */
export function stationDevices(day: CouncilDay, seed: string, precinct: number) {
  const entry = day.boxes[precinct - 1];
  if (!entry) throw new Error(`${day.definition.name} has precincts 1 to ${day.boxes.length}, not ${precinct}`);
  const { box, count } = entry;
  const precinctId = box.identity.precinctId;
  const commission = commissionDevice(seed, precinctId);
  const identification = Array.from({ length: IDENTIFICATION_DEVICES_PER_STATION }, (_, k) => {
    const deviceId = `idd-${precinctId}-${k + 1}`;
    return { deviceId, key: deviceKey(seed, deviceId) };
  });
  const devices = [
    deviceRegistration(box.identity.deviceId, precinctId, 'ballot-box', box.identity.key.publicKey),
    deviceRegistration(commission.deviceId, precinctId, 'commission', commission.key.publicKey),
    ...identification.map((d) => deviceRegistration(d.deviceId, precinctId, 'identification', d.key.publicKey)),
  ];
  return { box, count, precinctId, commission, identification, devices };
}

/**
 * Sends a prepared station's messages through one modem per device, each at its virtual time on
 * an accelerated clock starting at 07:00 of election day, and resolves when all are acknowledged.
 */
export async function sendStationDay(run: StationRun, options: Pick<RunStationOptions, 'seed' | 'brokerUrl' | 'speed' | 'link' | 'outboxDir' | 'log'>): Promise<void> {
  const log = options.log ?? (() => undefined);
  const start = electionDayHour(run.day.definition.date, 7);
  const clock = new AcceleratedClock(start, options.speed);
  const modems = new Map(
    run.devices.map((d) => [
      d.id,
      new Modem({
        deviceId: d.id,
        brokerUrl: options.brokerUrl,
        clock,
        link: new LinkModel(LINK_PROFILES[options.link], Random.stream(options.seed, `link/${d.id}`)),
        outbox: new Outbox(options.outboxDir ? `${options.outboxDir}/${d.id}.json` : undefined),
        resendMs: 10_000,
        maxResendMs: 300_000,
      }),
    ]),
  );
  modems.forEach((m) => m.start());
  try {
    const deliveries: Promise<unknown>[] = [];
    for (const m of run.station.messages) {
      const wait = m.atMs - clock.now();
      if (wait > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
      log(`${bishkekTime(m.atMs).slice(11)} ${m.deviceId} sends its ${m.kind}`);
      deliveries.push(modems.get(m.deviceId)!.send(m.envelope, run.day.definition.id, m.kind));
    }
    await Promise.all(deliveries);
  } finally {
    await Promise.all([...modems.values()].map((m) => m.stop()));
  }
}
