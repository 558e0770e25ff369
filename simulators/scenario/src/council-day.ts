import {
  cityCouncil2021,
  cityCouncilDefinition,
  CouncilDataset,
  definitionHash,
  ElectionDefinition,
  precinctsOf,
  synthesizeVotes,
  SynthesizedVotes,
} from '../../../libs/election/src';
import { DeviceKey } from '../../../libs/platform/src/keys';
import { deviceRegistration } from '../../../libs/persistence/src/election-registry';
import { Random } from '../../../libs/platform/src/random';
import { BallotBox } from '../../ballot-box/src/ballot-box';

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
    const deviceId = `aeu-${p.id}`;
    const key = deviceKey(seed, deviceId);
    const box = new BallotBox({ deviceId, electionId: definition.id, precinctId: p.id, definitionHash: hash, key });
    return { box, count: { votes: p.votes, invalidBallots: p.invalid } };
  });
  return { dataset, definition, hash, votes, boxes };
}

/** A simulated device's signing key: derived from the scenario's seed and the device's id. */
export function deviceKey(seed: string, deviceId: string): DeviceKey {
  return DeviceKey.fromSeed(Random.stream(seed, `key/${deviceId}`).bytes(32));
}

/** The commission's device of a precinct, by the naming the scenarios use. */
export function commissionDevice(seed: string, precinctId: string): { deviceId: string; key: DeviceKey } {
  const deviceId = `com-${precinctId}`;
  return { deviceId, key: deviceKey(seed, deviceId) };
}

export function deviceRegistrations(day: CouncilDay) {
  return day.boxes.map(({ box }) => deviceRegistration(box.identity.deviceId, box.identity.precinctId, 'ballot-box', box.identity.key.publicKey));
}
