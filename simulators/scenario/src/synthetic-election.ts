import { DeviceIds, DeviceRegistration, deviceRegistration, signPrecinctResult, Topics } from '@shailoo/contracts';
import { definitionHash, ElectionDefinition } from '@shailoo/election';
import { DeviceKey, Random } from '@shailoo/platform';

const PARTIES = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

export interface SyntheticElection {
  definition: ElectionDefinition;
  hash: string;
  devices: DeviceRegistration[];
  /** One signed box result per precinct. */
  messages: { topic: string; payload: Buffer }[];
  /** What the results add up to. */
  totals: { votes: Record<string, number>; ballotsInBox: number };
}

/**
 * A city council of `precincts` precincts with one box each and its signed results, for load and
 * crash tests: every count drawn from `seed`.
 */
export function syntheticElection(precincts: number, seed: string, id = 'synthetic'): SyntheticElection {
  const definition: ElectionDefinition = {
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
        parties: PARTIES.map((p, i) => ({ id: p, name: `Party ${i + 1}`, order: i + 1 })),
        rules: { threshold: 0.07 },
      },
    ],
  };
  const hash = definitionHash(definition);
  const rng = new Random(seed);
  const devices: SyntheticElection['devices'] = [];
  const messages: SyntheticElection['messages'] = [];
  const totals = { votes: Object.fromEntries(PARTIES.map((p) => [p, 0])), ballotsInBox: 0 };
  for (let i = 0; i < precincts; i++) {
    const precinctId = `${id}-p${i}`;
    const deviceId = DeviceIds.ballotBox(precinctId);
    const key = DeviceKey.fromSeed(rng.bytes(32));
    devices.push(deviceRegistration(deviceId, precinctId, 'ballot-box', key.publicKey));
    const votes = PARTIES.map((partyId) => ({ partyId, votes: rng.int(0, 150) }));
    const invalidBallots = rng.int(0, 20);
    const ballotsInBox = votes.reduce((s, v) => s + v.votes, 0) + invalidBallots;
    for (const v of votes) totals.votes[v.partyId] += v.votes;
    totals.ballotsInBox += ballotsInBox;
    const payload = signPrecinctResult(
      {
        electionId: id,
        definitionHash: Buffer.from(hash, 'hex'),
        precinctId,
        deviceId,
        sequence: 1,
        votes,
        invalidBallots,
        ballotsInBox,
        closedAtMs: Date.UTC(2021, 3, 11, 14),
      },
      key,
    );
    messages.push({ topic: Topics.result(id, deviceId), payload });
  }
  return { definition, hash, devices, messages, totals };
}
