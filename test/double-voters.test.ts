import { startIdentificationService, IdentificationHandle } from '@shailoo/identification';
import { TallyServerHandle } from '@shailoo/tally-server';
import { SystemClock } from '@shailoo/platform';
import { serviceAuthorities } from '@shailoo/identification-device';
import { TYPICAL_BIOMETRICS } from '@shailoo/identification-device';
import { prepareCouncilDay, prepareStation, stationDevices } from '@shailoo/scenario';
import { embeddedStack, Stack } from './stack';
import { ballotsOf } from '@shailoo/election';

jest.setTimeout(60_000);

const SEED = 'double-voters';
const PERFECT = { ...TYPICAL_BIOMETRICS, fingerprintFrr: 0, faceFrr: 0, unreadableRate: 0 };

/** Voters who try again at another precinct are turned away by the identification service. */
describe('voters who try to vote twice', () => {
  let stack: Stack;
  let server: TallyServerHandle;
  let identification: IdentificationHandle;
  const day = prepareCouncilDay('Кайыңды', SEED);

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
    await server.registry.register(
      day.definition,
      [1, 2, 3, 4].flatMap((n) => stationDevices(day, SEED, n).devices),
    );
    identification = await startIdentificationService({ mqttUrl: stack.brokerUrl, voterSeed: SEED, remoteShare: 0, clock: new SystemClock() }, server.database);
  });

  afterAll(async () => {
    await identification.close();
    await server.close();
    await stack.close();
  });

  async function runStation(precinct: number, doubleVoterRate: number) {
    const { identification: idds, precinctId } = stationDevices(day, SEED, precinct);
    const service = await serviceAuthorities(stack.brokerUrl, idds, { electionId: day.definition.id, definitionHash: day.hash, precinctId });
    try {
      return await prepareStation(
        { seed: SEED, precinct, boxFailureRate: 0, handCountErrorRate: 0, biometrics: PERFECT, doubleVoterRate },
        day,
        service.authorityFor,
      );
    } finally {
      await service.close();
    }
  }

  it('refuses every second attempt at another precinct and leaves the ballots as they were', async () => {
    const home = await runStation(1, 0);
    const away = await runStation(2, 0.1);
    const intended = (n: number) => ballotsOf(day.boxes[n].count);
    for (const [run, n] of [
      [home, 0],
      [away, 1],
    ] as const) {
      const r = run.station.identification!;
      expect(r.identifiedByFingerprint + r.identifiedByFace).toBe(intended(n));
      expect(run.station.boxCount).toEqual(day.boxes[n].count);
    }
    const refused = away.station.identification!.refused;
    const visitors = Math.round(0.1 * intended(1));
    // Some had already voted at home (precinct 1): the service tells this precinct only that they are not on its list.
    expect(refused['other-precinct']).toBe(visitors);
    expect(refused['already-identified']).toBe(0);
    expect(await identification.identifications.count()).toBe(intended(0) + intended(1));
  });
});
