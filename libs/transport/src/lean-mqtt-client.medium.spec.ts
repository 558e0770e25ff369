import { connectMqtt } from './mqtt-connection';
import { EmbeddedBroker } from './embedded-broker';
import { LeanMqttClient } from './lean-mqtt-client';

const connected = (c: LeanMqttClient) => new Promise<void>((resolve) => c.on('connect', resolve));

describe('LeanMqttClient on a real broker', () => {
  let broker: EmbeddedBroker;
  beforeAll(async () => {
    broker = await EmbeddedBroker.start(0);
  });
  afterAll(() => broker.close());

  it('publishes at QoS 1 (resolving on the PUBACK) to an mqtt.js subscriber, and receives and acknowledges QoS 1 messages', async () => {
    const other = await connectMqtt(broker.url);
    const seen: Buffer[] = [];
    other.on('message', (_t, p) => seen.push(p));
    await other.subscribeAsync('lean/up', { qos: 1 });
    const lean = LeanMqttClient.open(broker.url, { clientId: 'lean-1' });
    await connected(lean);
    expect(lean.connected).toBe(true);
    const got: { topic: string; payload: string }[] = [];
    lean.on('message', (topic, payload) => got.push({ topic, payload: payload.toString() }));
    await lean.subscribe('lean/down');
    await lean.publish('lean/up', Buffer.from([0, 1, 2, 255]));
    await other.publishAsync('lean/down', 'hello', { qos: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((b) => [...b])).toEqual([[0, 1, 2, 255]]);
    expect(got).toEqual([{ topic: 'lean/down', payload: 'hello' }]);
    await lean.close();
    expect(lean.connected).toBe(false);
    await expect(lean.publish('lean/up', Buffer.from('late'))).rejects.toThrow('not connected');
    await other.endAsync();
  });

  it('reconnects by itself when the broker comes back, and fails what was waiting when the connection went', async () => {
    const port = Number(new URL(broker.url).port);
    const lean = LeanMqttClient.open(broker.url, { clientId: 'lean-2', reconnectMs: 50 });
    await connected(lean);
    let closes = 0;
    lean.on('close', () => closes++);
    await broker.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(lean.connected).toBe(false);
    expect(closes).toBe(1);
    await expect(lean.subscribe('x')).rejects.toThrow('not connected');
    broker = await EmbeddedBroker.start(port);
    await connected(lean);
    await lean.subscribe('x');
    await lean.close();
  });

  it('keeps trying while no broker answers, and stops when closed', async () => {
    const lean = LeanMqttClient.open('mqtt://127.0.0.1:1', { clientId: 'lean-3', reconnectMs: 20 });
    await new Promise((r) => setTimeout(r, 100));
    expect(lean.connected).toBe(false);
    await lean.close();
  });
});
