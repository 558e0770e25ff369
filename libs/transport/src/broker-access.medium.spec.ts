import { createConnection } from 'node:net';
import { MqttClient } from 'mqtt';
import { generate, Packet } from 'mqtt-packet';
import { eventually } from '@shailoo/platform';
import { devicePassword, disconnectTopic, servicePassword, withCredentials } from './broker-access';
import { EmbeddedBroker } from './embedded-broker';
import { connectMqtt } from './mqtt-connection';
import { LeanMqttClient } from './lean-mqtt-client';

const SECRET = 'broker-access-spec-secret';
const UP_A = 'shailoo/v1/up/e1/aeu-a/result';
const UP_B = 'shailoo/v1/up/e1/aeu-b/result';

/** Resolves with what a client saw after publishing: still connected, or closed by the broker. */
async function afterPublish(client: MqttClient, topic: string, options: { qos?: 0 | 1 | 2; retain?: boolean } = {}): Promise<'delivered' | 'disconnected'> {
  const closed = new Promise<'disconnected'>((resolve) => client.once('close', () => resolve('disconnected')));
  client.publish(topic, Buffer.from('x'), { qos: 1, ...options });
  return Promise.race([closed, new Promise<'delivered'>((resolve) => setTimeout(() => resolve('delivered'), 300))]);
}

describe.each([false, true])('a secured embedded broker (child process: %s)', (childProcess) => {
  let broker: EmbeddedBroker;
  let service: MqttClient;
  const seen: string[] = [];
  const clients: MqttClient[] = [];
  const connect = async (url: string) => {
    const c = await connectMqtt(url, { reconnectPeriod: 0 });
    clients.push(c);
    return c;
  };
  const device = (id: string) => connect(withCredentials(broker.url, id, devicePassword(SECRET, id)));

  beforeAll(async () => {
    broker = await EmbeddedBroker.start(0, '127.0.0.1', { secured: true, childProcess, limits: { maxPayload: 1024, perSecond: 5, burst: 10 } });
    broker.secure(SECRET);
    const { username, password } = servicePassword(SECRET, 'tally');
    service = await connect(withCredentials(broker.url, username, password));
    service.on('message', (topic) => seen.push(topic));
    await service.subscribeAsync('shailoo/v1/up/#', { qos: 1 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await broker.close();
  });

  it('lets a device publish its own results and read its own downlink, and a service do both for all', async () => {
    const a = await device('aeu-a');
    expect(await afterPublish(a, UP_A)).toBe('delivered');
    expect(seen).toContain(UP_A);
    expect((await a.subscribeAsync('shailoo/v1/down/aeu-a/ack', { qos: 1 }))[0].qos).toBe(1);
    expect((await service.subscribeAsync('shailoo/v1/down/+/ack', { qos: 1 }))[0].qos).toBe(1);
  });

  it('holds packets sent right behind a CONNECT until it is authenticated (a modem need not wait for the CONNACK)', async () => {
    const id = 'aeu-pipelined';
    const connectPacket = generate({
      cmd: 'connect',
      protocolId: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      clientId: id,
      username: id,
      password: Buffer.from(devicePassword(SECRET, id)),
    } as Packet);
    const topic = 'shailoo/v1/up/e1/aeu-pipelined/result';
    const publish = generate({ cmd: 'publish', topic, qos: 1, messageId: 7, payload: Buffer.from('x'), retain: false, dup: false } as Packet);
    const socket = createConnection({ port: broker.port, host: '127.0.0.1' });
    const replies: Buffer[] = [];
    socket.on('data', (d) => replies.push(d));
    // CONNECT and PUBLISH in one write: the broker reads them in one go.
    socket.write(Buffer.concat([connectPacket, publish]));
    await eventually(() => seen.includes(topic), 3000, `delivery on ${topic}`, 10);
    // CONNACK accepted, then the PUBACK of message 7.
    expect(Buffer.concat(replies).toString('hex')).toBe('20020000' + '40020007');
    socket.destroy();
  });

  it('refuses an anonymous publish to an uplink topic, and lets anonymous clients read only published results', async () => {
    const anonymous = await connect(broker.url);
    await anonymous.subscribeAsync('shailoo/v1/pub/#', { qos: 1 });
    // Delivered at QoS 0 whatever it asked for: nothing is held back for a reader (aedes's SUBACK still says 1).
    const delivered = new Promise<number>((resolve) => anonymous.once('message', (_topic, _payload, packet) => resolve(packet.qos)));
    await service.publishAsync('shailoo/v1/pub/e1/aggregate', 'x', { qos: 1 });
    expect(await delivered).toBe(0);
    await expect(anonymous.subscribeAsync('shailoo/v1/down/#', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    expect(await afterPublish(anonymous, UP_A)).toBe('disconnected');
  });

  it('refuses device A publishing on device B’s topic, and A subscribing to B’s acknowledgements, and counts both', async () => {
    const before = await broker.refusals();
    const a = await device('aeu-a');
    // SUBACK 0x80: mqtt.js rejects the subscription.
    await expect(a.subscribeAsync('shailoo/v1/down/aeu-b/ack', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await expect(a.subscribeAsync('shailoo/v1/down/+/ack', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    const count = seen.length;
    expect(await afterPublish(a, UP_B)).toBe('disconnected');
    expect(seen.slice(count)).not.toContain(UP_B);
    const after = await broker.refusals();
    expect((after['publish-not-allowed'] ?? 0) - (before['publish-not-allowed'] ?? 0)).toBe(1);
    expect((after['subscribe-not-allowed'] ?? 0) - (before['subscribe-not-allowed'] ?? 0)).toBe(2);
  });

  it('takes the lean client’s credentials from its URL', async () => {
    const lean = LeanMqttClient.open(withCredentials(broker.url, 'aeu-lean', devicePassword(SECRET, 'aeu-lean')), { clientId: 'aeu-lean', reconnectMs: -1 });
    await new Promise<void>((resolve) => lean.on('connect', resolve));
    await lean.subscribe('shailoo/v1/down/aeu-lean/ack');
    await expect(lean.subscribe('shailoo/v1/down/aeu-a/ack')).rejects.toThrow('refused by the broker');
    await lean.publish('shailoo/v1/up/e1/aeu-lean/result', Buffer.from('x'));
    await lean.close();
  });

  it('refuses a wrong password, and a device registered under a service’s name does not get the service’s rights', async () => {
    await expect(connectMqtt(withCredentials(broker.url, 'aeu-a', devicePassword('another secret', 'aeu-a')), { reconnectPeriod: 0 })).rejects.toThrow(
      /Bad username or password|Not authorized/,
    );
    await expect(connectMqtt(withCredentials(broker.url, 'service-tally', devicePassword(SECRET, 'service-tally')), { reconnectPeriod: 0 })).rejects.toThrow(
      /Bad username or password|Not authorized/,
    );
    expect((await broker.refusals())['bad-credentials']).toBe(2);
  });

  it('refuses a device’s payload over the cap and messages over its rate, and counts them', async () => {
    const before = await broker.refusals();
    const big = await device('aeu-big');
    const closed = new Promise<void>((resolve) => big.once('close', () => resolve()));
    big.publish('shailoo/v1/up/e1/aeu-big/result', Buffer.alloc(1025), { qos: 1 });
    await closed;
    const flood = await device('aeu-flood');
    const count = seen.length;
    const floodClosed = new Promise<void>((resolve) => flood.once('close', () => resolve()));
    for (let i = 0; i < 30; i++) flood.publish('shailoo/v1/up/e1/aeu-flood/result', Buffer.from([i]), { qos: 0 });
    await floodClosed;
    await new Promise((r) => setTimeout(r, 100));
    // The burst of 10 got through, the 11th closed the connection.
    expect(seen.slice(count).filter((t) => t.includes('aeu-flood'))).toHaveLength(10);
    const after = await broker.refusals();
    expect((after['payload-too-large'] ?? 0) - (before['payload-too-large'] ?? 0)).toBe(1);
    expect((after['rate-limited'] ?? 0) - (before['rate-limited'] ?? 0)).toBe(1);
  });

  it('gives anonymous readers clean sessions only, and a bounded number of subscriptions (a ghost session queues nothing)', async () => {
    const before = await broker.refusals();
    await expect(connectMqtt(broker.url, { reconnectPeriod: 0, clean: false, clientId: 'ghost-1' })).rejects.toThrow(/Not authorized/);
    const reader = await connect(broker.url);
    for (let i = 0; i < 16; i++) await reader.subscribeAsync(`shailoo/v1/pub/e${i}/#`, { qos: 1 });
    await expect(reader.subscribeAsync('shailoo/v1/pub/e16/#', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    const after = await broker.refusals();
    expect((after['persistent-session-not-allowed'] ?? 0) - (before['persistent-session-not-allowed'] ?? 0)).toBe(1);
    expect((after['too-many-subscriptions'] ?? 0) - (before['too-many-subscriptions'] ?? 0)).toBe(1);
  });

  it('refuses a device’s retained and QoS 2 publishes on its own topics (the broker would keep them for good)', async () => {
    const before = await broker.refusals();
    const count = seen.length;
    expect(await afterPublish(await device('aeu-retain'), 'shailoo/v1/id/any/aeu-retain/request', { retain: true })).toBe('disconnected');
    expect(await afterPublish(await device('aeu-qos2'), 'shailoo/v1/up/e1/aeu-qos2/result', { qos: 2 })).toBe('disconnected');
    expect(seen.slice(count).filter((t) => t.includes('aeu-retain') || t.includes('aeu-qos2'))).toEqual([]);
    const after = await broker.refusals();
    expect((after['retain-not-allowed'] ?? 0) - (before['retain-not-allowed'] ?? 0)).toBe(1);
    expect((after['qos2-not-allowed'] ?? 0) - (before['qos2-not-allowed'] ?? 0)).toBe(1);
  });

  it('disconnects a device a service names, and refuses it for the time given', async () => {
    const rogue = await device('aeu-rogue');
    const closed = new Promise<void>((resolve) => rogue.once('close', () => resolve()));
    await service.publishAsync(disconnectTopic('aeu-rogue'), JSON.stringify({ seconds: 60 }), { qos: 1 });
    await closed;
    await expect(connectMqtt(withCredentials(broker.url, 'aeu-rogue', devicePassword(SECRET, 'aeu-rogue')), { reconnectPeriod: 0 })).rejects.toThrow(
      /Not authorized|Bad username/,
    );
    expect(await afterPublish(await device('aeu-a'), UP_A)).toBe('delivered');
    const refusals = await broker.refusals();
    expect(refusals).toMatchObject({ disconnected: 1, banned: 1 });
  });
});
