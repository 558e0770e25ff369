import { MqttClient } from 'mqtt';
import { Topics } from '@shailoo/contracts';
import { RecordedDay, recordCouncilDay } from '@shailoo/scenario';
import { IngestService, startTallyServer, tallySettings, TallyServerHandle } from '@shailoo/tally-server';
import { DeviceKey } from '@shailoo/platform';
import { connectMqtt, EmbeddedBroker, withCredentials } from '@shailoo/transport';
import { registerOverHttp, TEST_OPERATOR_TOKEN } from './server-process';
import { eventually, getJson } from './stack';
import { total } from '@shailoo/election';

jest.setTimeout(60_000);

// .ci/run starts Mosquitto with a listener secured as deploy/broker/mosquitto.conf is (TEST_MQTT_SECURE_URL),
// whose password file the tally server under test writes (TEST_MQTT_PASSWORD_FILE).
const mosquitto = process.env.TEST_MQTT_SECURE_URL && process.env.TEST_MQTT_PASSWORD_FILE;
if (!mosquitto && process.env.CI) throw new Error('CI must set TEST_MQTT_SECURE_URL and TEST_MQTT_PASSWORD_FILE for the Mosquitto access tests');

const SECRET = 'broker-rules-test-secret-0123456789abcdef';

interface Broker {
  url: string;
  passwordFile?: string;
  close(): Promise<void>;
}

const brokers: [string, () => Promise<Broker>][] = [
  [
    'embedded aedes',
    async () => {
      const b = await EmbeddedBroker.start(0, '127.0.0.1', { secured: true });
      b.secure(SECRET);
      return { url: b.url, close: () => b.close() };
    },
  ],
];
if (mosquitto) {
  brokers.push([
    'Mosquitto',
    async () => ({ url: process.env.TEST_MQTT_SECURE_URL!, passwordFile: process.env.TEST_MQTT_PASSWORD_FILE!, close: async () => undefined }),
  ]);
}

/**
 * The same rules on both brokers, observed from outside: what reaches the tally server (it counts
 * only what arrives) and what reaches a device. Each attempt replays a genuine signed message, so a
 * broker that let it through would change the tally.
 */
describe.each(brokers)('who may do what at the broker: %s', (_name, startBroker) => {
  let broker: Broker;
  let server: TallyServerHandle;
  let recorded: RecordedDay;
  let credentials: Record<string, string>;
  const clients: MqttClient[] = [];
  const results = () => recorded.messages.filter((m) => m.kind === 'result');

  const login = async (username?: string) => {
    const url = username ? withCredentials(broker.url, username, credentials[username]) : broker.url;
    const c = await connectMqtt(url, { reconnectPeriod: 0 });
    clients.push(c);
    return c;
  };
  /** Publishes and gives the broker time to pass it on (or to refuse it: aedes then closes the connection, Mosquitto drops it). */
  const attempt = async (client: MqttClient, topic: string, bytes: Buffer) => {
    client.publish(topic, bytes, { qos: 1 });
    await new Promise((r) => setTimeout(r, 400));
  };
  const boxCounted = (precinctId: string) => server.tally.precinct(recorded.day.definition.id, precinctId)!.boxResults.length > 0;

  beforeAll(async () => {
    broker = await startBroker();
    recorded = recordCouncilDay('Талас', 'broker-rules');
    server = await startTallyServer(
      tallySettings({
        mqttUrl: broker.url,
        port: 0,
        operatorToken: TEST_OPERATOR_TOKEN,
        brokerSecret: SECRET,
        brokerPasswordFile: broker.passwordFile,
        conduct: { maxPayload: 64 * 1024, perSecond: 20, burst: 100, garbageLimit: 5, garbageBytes: 256 * 1024, garbageWindowMs: 60_000, banMs: 60_000 },
      }),
    );
    const unauthorised = await registerOverHttp(server.httpUrl, { definition: recorded.day.definition, devices: recorded.devices }, null);
    expect(unauthorised.status).toBe(401);
    expect(server.registry.allElections()).toHaveLength(0);
    const registered = await registerOverHttp(server.httpUrl, { definition: recorded.day.definition, devices: recorded.devices });
    expect(registered.status).toBe(201);
    credentials = registered.body.credentials;
    expect(Object.keys(credentials).sort()).toEqual(recorded.devices.map((d) => d.id).sort());
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await server.close();
    await broker.close();
  });

  it('carries a device’s own result to the server and the acknowledgement back to it alone', async () => {
    const [own, other] = results();
    const a = await login(own.deviceId);
    const b = await login(other.deviceId);
    const acks: string[] = [];
    a.on('message', (topic) => acks.push(`a ${topic}`));
    b.on('message', (topic) => acks.push(`b ${topic}`));
    await a.subscribeAsync(Topics.ack(own.deviceId), { qos: 1 });
    // A subscribes to B's acknowledgements too: aedes answers SUBACK 0x80, Mosquitto (3.1.1) grants and delivers nothing.
    await a.subscribeAsync(Topics.ack(other.deviceId), { qos: 1 }).catch(() => undefined);
    await b.subscribeAsync(Topics.ack(other.deviceId), { qos: 1 });
    a.publish(Topics.result(recorded.day.definition.id, own.deviceId), own.envelope, { qos: 1 });
    b.publish(Topics.result(recorded.day.definition.id, other.deviceId), other.envelope, { qos: 1 });
    await eventually(async () => boxCounted(own.precinctId) && boxCounted(other.precinctId), 10_000, 'both results counted');
    await eventually(async () => acks.length >= 2, 5000, 'both acknowledgements');
    await new Promise((r) => setTimeout(r, 300));
    expect(acks.sort()).toEqual([`a ${Topics.ack(own.deviceId)}`, `b ${Topics.ack(other.deviceId)}`]);
  });

  it('refuses an anonymous publish on an uplink topic and device A publishing on device B’s: nothing counted', async () => {
    const [, , third, fourth] = results();
    const anonymous = await login();
    await attempt(anonymous, Topics.result(recorded.day.definition.id, third.deviceId), third.envelope);
    const a = await login(fourth.deviceId);
    await attempt(a, Topics.result(recorded.day.definition.id, third.deviceId), third.envelope);
    expect(boxCounted(third.precinctId)).toBe(false);
    // The same bytes from their own device count: they were genuine.
    const owner = await login(third.deviceId);
    owner.publish(Topics.result(recorded.day.definition.id, third.deviceId), third.envelope, { qos: 1 });
    await eventually(async () => boxCounted(third.precinctId), 10_000, 'the owner’s result counted');
  });

  it('lets anonymous readers have the published results and nothing else', async () => {
    const anonymous = await login();
    const seen: string[] = [];
    anonymous.on('message', (topic) => seen.push(topic));
    await anonymous.subscribeAsync(`shailoo/v1/pub/${recorded.day.definition.id}/#`, { qos: 1 });
    await anonymous.subscribeAsync('shailoo/v1/down/#', { qos: 1 }).catch(() => undefined);
    const [, , , , , sixth] = results();
    const device = await login(sixth.deviceId);
    device.publish(Topics.result(recorded.day.definition.id, sixth.deviceId), sixth.envelope, { qos: 1 });
    await eventually(async () => seen.includes(Topics.aggregate(recorded.day.definition.id)), 10_000, 'the retained aggregate');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((t) => !t.startsWith('shailoo/v1/pub/'))).toEqual([]);
  });

  it('bans a device that keeps sending garbage: its messages are dropped, even genuine ones, and counted', async () => {
    const garbage = results()[7];
    const device = await login(garbage.deviceId);
    const topic = Topics.result(recorded.day.definition.id, garbage.deviceId);
    for (let i = 0; i < 5; i++) device.publish(topic, Buffer.from(`not an envelope ${i}`), { qos: 1 });
    const metrics = async () => (await fetch(`${server.httpUrl}/metrics`)).text();
    await eventually(async () => /shailoo_devices_banned_total 1\b/.test(await metrics()), 10_000, 'the ban');
    const quarantine = await getJson<{ rejectedByReason: Record<string, number> }>(`${server.httpUrl}/api/elections/${recorded.day.definition.id}/quarantine`);
    expect(total(quarantine.rejectedByReason)).toBeGreaterThanOrEqual(5);
    if (broker.passwordFile) {
      // Mosquitto cannot be told to disconnect it: the server drops its messages before decoding them.
      const again = await login(garbage.deviceId);
      await attempt(again, topic, garbage.envelope);
      await eventually(async () => /shailoo_messages_dropped_total\{reason="device-banned"\} 1\b/.test(await metrics()), 5000, 'the dropped message counted');
    } else {
      // aedes obeys the server: the device is disconnected and refused for the ban's time.
      await eventually(async () => !device.connected, 5000, 'the disconnection');
      await expect(login(garbage.deviceId)).rejects.toThrow(/Not authorized|Bad username/);
    }
    expect(boxCounted(garbage.precinctId)).toBe(false);
  });

  it('refuses a revoked device at the broker and at the server, keeps what it sent before; a new key is an operator’s act, logged', async () => {
    const stolen = results()[8];
    const id = recorded.day.definition.id;
    const topic = Topics.result(id, stolen.deviceId);
    const device = await login(stolen.deviceId);
    device.publish(topic, stolen.envelope, { qos: 1 });
    await eventually(async () => boxCounted(stolen.precinctId), 10_000, 'its result counted before the revocation');
    const before = JSON.stringify(server.tally.results(id)!.preliminary);
    const post = (path: string, body: unknown, token = TEST_OPERATOR_TOKEN) =>
      fetch(`${server.httpUrl}/api/elections/${id}/devices/${stolen.deviceId}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('revoke', { reason: 'box stolen' }, 'not-an-operator-token-at-all')).status).toBe(401);
    expect((await post('revoke', { reason: 'box stolen' })).status).toBe(201);
    expect((await post('revoke', {})).status).toBe(409);

    // At the broker: aedes closes its connection at once; both refuse its next login (Mosquitto once it has reloaded its password file).
    if (!broker.passwordFile) await eventually(async () => !device.connected, 5000, 'the revoked device disconnected');
    await eventually(
      async () =>
        await login(stolen.deviceId).then(
          () => false,
          (err: Error) => /Not authorized|Bad username/.test(err.message),
        ),
      15_000,
      'the revoked device’s login refused',
    );
    // At the server, even signed by the device itself (a stolen box): refused as revoked, quarantined under its name; the count unchanged.
    const ingest = server.app.get(IngestService);
    const refused = await ingest.ingest(topic, stolen.envelope);
    expect(refused).toMatchObject({ status: 'rejected', rejection: { reason: 'revoked' } });
    expect(boxCounted(stolen.precinctId)).toBe(true);
    expect(JSON.stringify(server.tally.results(id)!.preliminary)).toBe(before);
    const quarantine = await getJson<{ items: { reason: string; deviceId: string | null }[] }>(`${server.httpUrl}/api/elections/${id}/quarantine`);
    expect(quarantine.items).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'revoked', deviceId: stolen.deviceId })]));
    expect(await (await fetch(`${server.httpUrl}/metrics`)).text()).toMatch(/shailoo_messages_rejected_total\{reason="revoked"\} 1\b/);

    // Re-registered with a new key: a new broker password (the old one stays refused), the old key's messages refused.
    const fresh = DeviceKey.fromSeed(Buffer.alloc(32, 7));
    const rekeyed = await post('key', { publicKey: fresh.publicKey.toString('base64') });
    expect(rekeyed.status).toBe(201);
    const { credentials: given, generation } = (await rekeyed.json()) as { credentials: Record<string, string>; generation: number };
    expect(generation).toBe(1);
    expect(given[stolen.deviceId]).not.toBe(credentials[stolen.deviceId]);
    await expect(login(stolen.deviceId)).rejects.toThrow(/Not authorized|Bad username/);
    const again = await connectMqtt(withCredentials(broker.url, stolen.deviceId, given[stolen.deviceId]), { reconnectPeriod: 0 });
    clients.push(again);
    expect(await ingest.ingest(topic, stolen.envelope)).toMatchObject({ status: 'rejected', rejection: { reason: 'bad-signature' } });
    const log = JSON.stringify(await getJson(`${server.httpUrl}/api/elections/${id}/export/nist-eel`));
    expect(log).toContain('operator-revoke-device');
    expect(log).toContain(`revoked ballot-box ${stolen.deviceId} of precinct ${stolen.precinctId}: box stolen`);
    expect(log).toContain('operator-rekey-device');
  });
});
