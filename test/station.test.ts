import { TallyServerHandle } from '@shailoo/tally-server';
import { prepareCouncilDay, prepareStation } from '@shailoo/scenario';
import { sendStationDay } from '@shailoo/station';
import { embeddedStack, getJson, Stack } from './stack';

jest.setTimeout(60_000);

/** Two stations of Kaiyndy run their whole day over a 2G link against the tally server. */
describe('polling stations against the tally server', () => {
  let stack: Stack;
  let server: TallyServerHandle;

  beforeAll(async () => {
    stack = await embeddedStack();
    server = await stack.startServer();
  });

  afterAll(async () => {
    await server.close();
    await stack.close();
  });

  it('delivers turnout, box result and protocol; a failed box shows as counted by hand only', async () => {
    const common = { seed: 'station-test', brokerUrl: stack.brokerUrl, speed: 200_000, link: '2g' as const };
    const day = prepareCouncilDay('Кайыңды', common.seed);
    const biometrics = { fingerprintFrr: 0.3, far: 0, faceFrr: 0.3, retries: 1, unreadableRate: 0.01, falseAlreadyIdentifiedRate: 0 };
    const working = await prepareStation({ ...common, precinct: 1, boxFailureRate: 0, biometrics }, day);
    const failed = await prepareStation({ ...common, precinct: 2, boxFailureRate: 1 }, day);
    await server.registry.register(day.definition, [...working.devices, ...failed.devices]);
    const send = (run: typeof working) =>
      sendStationDay(
        day.definition.id,
        day.definition.date,
        run.devices.map((d) => d.id),
        run.station,
        common,
      );
    await Promise.all([send(working), send(failed)]);

    const url = `${server.httpUrl}/api/elections/${working.day.definition.id}`;
    const one = await getJson(`${url}/precincts/${working.precinctId}`);
    expect(one.boxResults).toHaveLength(1);
    expect(one.turnout.map((t: any) => t.hour)).toEqual([10, 14, 16, 18, 20]);
    expect(one.manualProtocol.ballotsInBox).toBe(one.boxResults[0].ballotsInBox);
    expect(one.identificationReports).toHaveLength(2);
    const identified = one.identificationReports.reduce((s: number, r: any) => s + r.identifiedByFingerprint + r.identifiedByFace, 0);
    expect(identified).toBe(one.manualProtocol.ballotsIssued);
    expect(one.flags.map((f: any) => f.kind).filter((k: string) => k !== 'box-manual-mismatch')).toEqual([]);
    const two = await getJson(`${url}/precincts/${failed.precinctId}`);
    expect(two.boxResults).toEqual([]);
    expect(two.manualProtocol.boxFailed).toBe(true);
    expect(two.flags.map((f: any) => f.kind)).toEqual(['manual-only']);
    const results = await getJson(`${url}/results`);
    expect(results.precinctsReporting).toBe(2);
    expect(results.final.ballotsInBox).toBe(one.manualProtocol.ballotsInBox + two.manualProtocol.ballotsInBox);
  });
});
