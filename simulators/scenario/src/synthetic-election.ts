import { DeviceIds, DeviceRegistration, deviceRegistration, signPrecinctResult, Topics } from '@shailoo/contracts';
import { definitionHash, ElectionDefinition } from '@shailoo/election';
import { DeviceKey, Random } from '@shailoo/platform';

export const SYNTHETIC_PARTIES = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

export interface SyntheticElection {
  definition: ElectionDefinition;
  hash: string;
  devices: DeviceRegistration[];
  /** One signed box result per precinct. */
  messages: { topic: string; payload: Buffer }[];
  /** What the results add up to. */
  totals: { votes: Record<string, number>; ballotsInBox: number };
}

/** A city council of `precincts` precincts of 2,000 voters, six parties, one ballot box each. */
export function syntheticDefinition(precincts: number, id = 'synthetic'): ElectionDefinition {
  return {
    id,
    name: `Synthetic council of ${precincts} precincts`,
    type: 'city-council',
    date: '2021-04-11',
    territory: {
      id: `${id}-city`,
      name: 'Synthetic city',
      level: 'district',
      children: Array.from({ length: precincts }, (_, i) => ({ id: `${id}-p${i}`, name: `Precinct ${i}`, level: 'precinct' as const, registeredVoters: 2000 })),
    },
    contests: [
      {
        id: `${id}-council`,
        name: 'Synthetic council',
        system: 'city-council',
        seats: 45,
        territoryId: `${id}-city`,
        againstAll: false,
        parties: SYNTHETIC_PARTIES.map((p, i) => ({ id: p, name: `Party ${i + 1}`, order: i + 1 })),
        rules: { threshold: 0.07 },
      },
    ],
  };
}

/** What the box of precinct `i` counted: drawn from the seed and the precinct alone, so any process can recompute it. */
export function syntheticCount(seed: string, i: number): { votes: { partyId: string; votes: number }[]; invalidBallots: number; ballotsInBox: number } {
  const rng = Random.stream(seed, `count/${i}`);
  const votes = SYNTHETIC_PARTIES.map((partyId) => ({ partyId, votes: rng.int(0, 150) }));
  const invalidBallots = rng.int(0, 20);
  return { votes, invalidBallots, ballotsInBox: votes.reduce((s, v) => s + v.votes, 0) + invalidBallots };
}

/** The ballot box of precinct `i`: its key, its registration and its signed result (under `sequence`: a later one is a resigned count). */
export function syntheticStation(
  election: { id: string; hash: string },
  seed: string,
  i: number,
  sequence = 1,
): { registration: DeviceRegistration; topic: string; envelope: Buffer } {
  const precinctId = `${election.id}-p${i}`;
  const deviceId = DeviceIds.ballotBox(precinctId);
  const key = DeviceKey.fromSeed(Random.stream(seed, `key/${i}`).bytes(32));
  const envelope = signPrecinctResult(
    {
      electionId: election.id,
      definitionHash: Buffer.from(election.hash, 'hex'),
      precinctId,
      deviceId,
      sequence,
      ...syntheticCount(seed, i),
      closedAtMs: Date.UTC(2021, 3, 11, 14),
    },
    key,
  );
  return { registration: deviceRegistration(deviceId, precinctId, 'ballot-box', key.publicKey), topic: Topics.result(election.id, deviceId), envelope };
}

/**
 * A city council of `precincts` precincts with one box each and its signed results, for load and
 * crash tests: every count drawn from `seed`.
 */
export function syntheticElection(precincts: number, seed: string, id = 'synthetic'): SyntheticElection {
  const definition = syntheticDefinition(precincts, id);
  const hash = definitionHash(definition);
  const devices: DeviceRegistration[] = [];
  const messages: SyntheticElection['messages'] = [];
  const totals = { votes: Object.fromEntries(SYNTHETIC_PARTIES.map((p) => [p, 0])), ballotsInBox: 0 };
  for (let i = 0; i < precincts; i++) {
    const station = syntheticStation({ id, hash }, seed, i);
    devices.push(station.registration);
    messages.push({ topic: station.topic, payload: station.envelope });
    const count = syntheticCount(seed, i);
    for (const v of count.votes) totals.votes[v.partyId] += v.votes;
    totals.ballotsInBox += count.ballotsInBox;
  }
  return { definition, hash, devices, messages, totals };
}
