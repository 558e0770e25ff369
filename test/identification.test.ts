import { IdentificationHandle, startIdentificationService } from '@shailoo/identification';
import { deviceRegistration, signPayload, Topics, v1 } from '@shailoo/contracts';
import { cityCouncil2021, cityCouncilDefinition, definitionHash, precinctsOf } from '@shailoo/election';
import { DeviceKey, eventually, ManualClock } from '@shailoo/platform';
import { Database, ElectionRepository, openDatabase } from '@shailoo/persistence';
import { EmbeddedBroker } from '@shailoo/transport';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { votingPrecinct } from '@shailoo/voters';
import { IdentificationLink } from '@shailoo/identification-device';

jest.setTimeout(30_000);

const SEED = 'identification-test';
const { IDENTIFY_OUTCOME_IDENTIFIED: IDENTIFIED, IDENTIFY_OUTCOME_REFUSED: REFUSED } = v1.IdentifyOutcome;
const FINGERPRINT = v1.IdentificationMethod.IDENTIFICATION_METHOD_FINGERPRINT;

/** One voter, one vote, through the identification service on the real broker and database. */
describe('identification service', () => {
  const definition = cityCouncilDefinition(cityCouncil2021('Кайыңды'));
  const hash = definitionHash(definition);
  const [a, b] = precinctsOf(definition.territory).map((p) => p.id);
  let broker: EmbeddedBroker;
  let database: Database;
  let service: IdentificationHandle;
  const links = new Map<string, IdentificationLink>();
  const devices = ['idd-a1', 'idd-a2', 'idd-b1'];
  const precinctOf: Record<string, string> = { 'idd-a1': a, 'idd-a2': a, 'idd-b1': b };

  beforeAll(async () => {
    broker = await EmbeddedBroker.start(0);
    database = await openDatabase({});
    service = await startIdentificationService(
      { mqttUrl: broker.url, voterSeed: SEED, remoteShare: 0.05, clock: new ManualClock(Date.UTC(2021, 3, 11, 6)) },
      database,
    );
    await service.registry.register(
      definition,
      devices.map((id) => deviceRegistration(id, precinctOf[id], 'identification', DeviceKey.derive(SEED, id).publicKey)),
    );
    for (const id of devices) {
      const link = new IdentificationLink(broker.url, id, DeviceKey.derive(SEED, id));
      await link.start();
      links.set(id, link);
    }
  });

  afterAll(async () => {
    for (const l of links.values()) await l.stop();
    await service.close();
    await database.close();
    await broker.close();
  });

  const ask = (deviceId: string, pin: string, at: number, offline = false) =>
    links
      .get(deviceId)!
      .ask({ electionId: definition.id, definitionHash: hash, precinctId: precinctOf[deviceId] }, { pin, method: FINGERPRINT, identifiedAtMs: at, offline });
  const voters = () => service.service.voters(definition.id)!;
  const homeVoter = (precinct: string, n: number) =>
    voters()
      .listOf(precinct)
      .filter((v) => !v.remotePrecinctId)[n];
  const T = Date.UTC(2021, 3, 11, 5);

  it('identifies a voter once; at another precinct they are only "not on this list", again at their own refused with when', async () => {
    const voter = homeVoter(a, 0);
    expect((await ask('idd-a1', voter.pin, T)).outcome).toBe(IDENTIFIED);
    const elsewhere = await ask('idd-b1', voter.pin, T + 60_000);
    expect([elsewhere.outcome, elsewhere.reason, elsewhere.identifiedPrecinctId, Number(elsewhere.identifiedAtMs)]).toEqual([REFUSED, 'not-in-list', '', 0]);
    const again = await ask('idd-a2', voter.pin, T + 120_000);
    expect([again.outcome, again.reason, Number(again.identifiedAtMs)]).toEqual([REFUSED, 'already-identified', T]);
    expect(again.doubleVote).toBe(false);
  });

  it('answers a resend of the same request the same way', async () => {
    const voter = homeVoter(a, 1);
    expect((await ask('idd-a1', voter.pin, T + 5)).outcome).toBe(IDENTIFIED);
    expect((await ask('idd-a1', voter.pin, T + 5)).outcome).toBe(IDENTIFIED);
    expect(await service.identifications.count(voter.pin)).toBe(1);
  });

  it('refuses a voter of another precinct as one not in the list, without saying where they vote', async () => {
    const other = await ask('idd-b1', homeVoter(a, 2).pin, T);
    expect([other.outcome, other.reason, other.identifiedPrecinctId]).toEqual([REFUSED, 'not-in-list', '']);
    expect((await ask('idd-a1', '10101199912345', T)).reason).toBe('not-in-list');
  });

  it('lets a remote voter vote only at the remote precinct', async () => {
    const remote = voters()
      .listOf(a)
      .find((v) => v.remotePrecinctId === b)!;
    expect(votingPrecinct(remote)).toBe(b);
    const atHome = await ask('idd-a1', remote.pin, T);
    expect([atHome.outcome, atHome.reason, atHome.identifiedPrecinctId]).toEqual([REFUSED, 'not-in-list', '']);
    expect((await ask('idd-b1', remote.pin, T + 1)).outcome).toBe(IDENTIFIED);
  });

  it('reports a double vote found when an offline device synchronizes, with both places and times', async () => {
    const voter = homeVoter(a, 3);
    expect((await ask('idd-a1', voter.pin, T + 1000)).outcome).toBe(IDENTIFIED);
    const synced = await ask('idd-a2', voter.pin, T + 9000, true);
    expect([synced.outcome, synced.reason, synced.doubleVote]).toEqual([REFUSED, 'already-identified', true]);
    const [double] = await service.identifications.doubleVotes(voter.pin);
    expect(double).toMatchObject({ firstPrecinctId: a, firstDeviceId: 'idd-a1', secondPrecinctId: a, secondDeviceId: 'idd-a2' });
    expect([double.firstAt.getTime(), double.secondAt.getTime()]).toEqual([T + 1000, T + 9000]);
  });

  it('answers nothing to a forged request, and counts it', async () => {
    const before = service.service.counts.get('rejected:bad-signature') ?? 0;
    const forged = signPayload(
      v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST,
      { electionId: definition.id, definitionHash: Buffer.from(hash, 'hex'), precinctId: a, deviceId: 'idd-a1', sequence: 999, pin: homeVoter(a, 4).pin },
      DeviceKey.derive('someone else', 'idd-a1'),
    );
    const attacker = await connectMqtt(broker.url, { clientId: uniqueClientId('attacker') });
    await attacker.publishAsync(Topics.identify(definition.id, 'idd-a1'), forged, { qos: 1 });
    await attacker.endAsync();
    for (let i = 0; i < 100 && (service.service.counts.get('rejected:bad-signature') ?? 0) === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(service.service.counts.get('rejected:bad-signature')).toBe(before + 1);
    expect(await service.identifications.count(homeVoter(a, 4).pin)).toBe(0);
  });

  it('refuses a device revoked at the tally server (on the shared store) within seconds, and counts it', async () => {
    expect(await new ElectionRepository(database).revoke('idd-b1')).not.toBeNull();
    await eventually(async () => service.registry.device('idd-b1')!.revokedAt !== null, 10_000, 'the revocation followed');
    const pin = homeVoter(b, 2).pin;
    const request = signPayload(
      v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST,
      { electionId: definition.id, definitionHash: Buffer.from(hash, 'hex'), precinctId: b, deviceId: 'idd-b1', sequence: 1000, pin },
      DeviceKey.derive(SEED, 'idd-b1'),
    );
    const stolen = await connectMqtt(broker.url, { clientId: uniqueClientId('stolen') });
    await stolen.publishAsync(Topics.identify(definition.id, 'idd-b1'), request, { qos: 1 });
    await stolen.endAsync();
    await eventually(async () => (service.service.counts.get('rejected:revoked') ?? 0) === 1, 5000, 'the revoked device’s request refused');
    expect(await service.identifications.count(pin)).toBe(0);
  });
});
