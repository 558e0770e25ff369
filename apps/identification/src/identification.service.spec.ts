import { MqttClient } from 'mqtt';
import { DeviceIds, deviceRegistration, signPayload, Topics, v1 } from '@shailoo/contracts';
import { cityCouncil2021, cityCouncilDefinition, definitionHash, precinctsOf } from '@shailoo/election';
import { IdentificationRepository } from '@shailoo/persistence';
import { DeviceKey, InlineVerifier, ManualClock } from '@shailoo/platform';
import { ElectionRegistry, inMemoryElections } from '@shailoo/registry';
import { disconnectTopic } from '@shailoo/transport';
import { IdentificationService } from './identification.service';

describe(IdentificationService.name, () => {
  const definition = cityCouncilDefinition(cityCouncil2021('Кайыңды'));
  const hash = definitionHash(definition);
  const [a, b] = precinctsOf(definition.territory).map((p) => p.id);
  const device = DeviceIds.identification(a, 1);
  const key = DeviceKey.derive('identification-spec', device);
  const T = Date.UTC(2021, 3, 11, 5);
  let sut: IdentificationService;
  let identifications: jest.Mocked<Pick<IdentificationRepository, 'recordFirst' | 'first' | 'recordDoubleVote'>>;
  let client: { publish: jest.Mock; endAsync: jest.Mock };

  beforeEach(async () => {
    const registry = new ElectionRegistry(inMemoryElections());
    await registry.register(definition, [deviceRegistration(device, a, 'identification', key.publicKey)]);
    identifications = { recordFirst: jest.fn(), first: jest.fn(), recordDoubleVote: jest.fn().mockResolvedValue(undefined) };
    client = { publish: jest.fn(), endAsync: jest.fn() };
    sut = new IdentificationService(
      registry,
      identifications as unknown as IdentificationRepository,
      { mqttUrl: 'mqtt://unused', voterSeed: 'identification-spec', remoteShare: 0, clock: new ManualClock(T) },
      new InlineVerifier(),
      client as unknown as MqttClient,
    );
  });

  const ask = (pin: string, offline = false, sequence = 1) =>
    sut.identify(
      Topics.identify(definition.id, device),
      signPayload(
        v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST,
        { electionId: definition.id, definitionHash: Buffer.from(hash, 'hex'), precinctId: a, deviceId: device, sequence, pin, identifiedAtMs: T, offline },
        key,
      ),
    );
  const voterOf = (precinct: string) => sut.voters(definition.id)!.votersAt(precinct)[0];
  const answered = () => v1.IdentifyResponse.decode(client.publish.mock.calls.at(-1)![1]);

  it('identifies a voter of this precinct once it has stored the identification, and answers on the device’s topic', async () => {
    identifications.recordFirst.mockResolvedValue(true);
    const voter = voterOf(a);
    expect(await ask(voter.pin)).toMatchObject({ status: 'answered', response: { outcome: v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED } });
    expect(identifications.recordFirst).toHaveBeenCalledWith(
      expect.objectContaining({ pin: voter.pin, precinctId: a, deviceId: device, method: 'fingerprint' }),
    );
    expect(client.publish.mock.calls[0][0]).toBe(Topics.identification(device));
    expect(answered().outcome).toBe(v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED);
  });

  it('turns away a voter of its list already identified at another of the precinct’s devices, saying when', async () => {
    identifications.recordFirst.mockResolvedValue(false);
    identifications.first.mockResolvedValue({ precinctId: a, deviceId: 'idd-other', identifiedAt: new Date(T - 60_000) } as never);
    expect(await ask(voterOf(a).pin)).toMatchObject({ status: 'answered', response: { reason: 'already-identified', identifiedPrecinctId: a } });
    expect(identifications.recordDoubleVote).not.toHaveBeenCalled();
  });

  it('records a double vote when an offline identification turns out to be the second', async () => {
    identifications.recordFirst.mockResolvedValue(false);
    identifications.first.mockResolvedValue({ precinctId: a, deviceId: 'idd-other', identifiedAt: new Date(T - 60_000) } as never);
    expect(await ask(voterOf(a).pin, true)).toMatchObject({ response: { reason: 'already-identified', doubleVote: true } });
    expect(identifications.recordDoubleVote).toHaveBeenCalledWith(
      expect.objectContaining({ first: expect.objectContaining({ deviceId: 'idd-other' }), second: expect.objectContaining({ deviceId: device }) }),
    );
  });

  it('tells a device of a voter of another precinct no more than of a PIN on no list, and touches no store', async () => {
    const nobody = await ask('10101199912345');
    const elsewhere = await ask(voterOf(b).pin);
    expect(elsewhere).toMatchObject({ response: { reason: 'not-in-list' } });
    const answer = (r: typeof nobody) => (r.status === 'answered' ? v1.IdentifyResponse.toObject(v1.IdentifyResponse.fromObject(r.response)) : r);
    expect(answer(elsewhere)).toEqual(answer(nobody));
    expect(identifications.recordFirst).not.toHaveBeenCalled();
    expect(identifications.first).not.toHaveBeenCalled();
  });

  it('refuses an offline report of a voter not on the device’s list, records nothing, and bans a device that keeps sending them', async () => {
    const voters = sut.voters(definition.id)!.votersAt(b);
    for (let i = 0; i < 20; i++) expect(await ask(voters[i].pin, true, i + 1)).toMatchObject({ response: { reason: 'not-in-list' } });
    expect(identifications.recordFirst).not.toHaveBeenCalled();
    expect(sut.counts.get('refused:offline-not-on-list')).toBe(20);
    expect(sut.counts.get('devices-banned')).toBe(1);
    expect(client.publish).toHaveBeenCalledWith(disconnectTopic(device), JSON.stringify({ seconds: 600 }), { qos: 1 });
    // Banned: its next request is dropped unanswered.
    const published = client.publish.mock.calls.length;
    expect(await ask(voterOf(a).pin, false, 99)).toMatchObject({ status: 'rejected', reason: 'device-banned' });
    expect(client.publish.mock.calls.length).toBe(published);
  });

  it('counts and drops a request signed with another key', async () => {
    const forged = signPayload(
      v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST,
      { electionId: definition.id, definitionHash: Buffer.from(hash, 'hex'), precinctId: a, deviceId: device, sequence: 1, pin: voterOf(a).pin },
      DeviceKey.derive('someone else', device),
    );
    expect(await sut.identify(Topics.identify(definition.id, device), forged)).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
    expect(client.publish).not.toHaveBeenCalled();
    expect(sut.counts.get('rejected:bad-signature')).toBe(1);
  });
});
