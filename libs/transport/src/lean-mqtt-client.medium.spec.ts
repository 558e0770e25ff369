import { createServer, Socket } from 'node:net';
import { Packet, parser as packetParser } from 'mqtt-packet';
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

  it('pipelined, sends its CONNECT, SUBSCRIBE and PUBLISH in one segment before any answer, and the broker takes them in order', async () => {
    // A listener that answers nothing: what the client sends before the CONNACK is all it sends.
    const chunks: Buffer[] = [];
    const silent = createServer((s: Socket) => s.on('data', (c) => chunks.push(c)));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as { port: number };
    const quiet = LeanMqttClient.open(`mqtt://127.0.0.1:${port}`, { clientId: 'lean-p0', pipeline: true, reconnectMs: -1 });
    await new Promise<void>((resolve) =>
      quiet.on('connect', () => {
        void quiet.subscribe('lean/p/down').catch(() => undefined);
        void quiet.publish('lean/p/up', Buffer.from('x')).catch(() => undefined);
        resolve();
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    const parsed: string[] = [];
    const parser = packetParser({ protocolVersion: 4 });
    parser.on('packet', (p: Packet) => parsed.push(p.cmd));
    parser.parse(chunks[0]);
    expect(chunks).toHaveLength(1);
    expect(parsed).toEqual(['connect', 'subscribe', 'publish']);
    await quiet.close();
    await new Promise((r) => silent.close(r));

    const other = await connectMqtt(broker.url);
    const seen: string[] = [];
    other.on('message', (_t, p) => seen.push(p.toString()));
    await other.subscribeAsync('lean/p/up', { qos: 1 });
    const lean = LeanMqttClient.open(broker.url, { clientId: 'lean-p1', pipeline: true });
    const got: string[] = [];
    lean.on('message', (_t, p) => got.push(p.toString()));
    const sent = new Promise<void>((resolve, reject) =>
      lean.on('connect', () => {
        expect(lean.connected).toBe(true);
        Promise.all([lean.subscribe('lean/p/down'), lean.publish('lean/p/up', Buffer.from('early'))]).then(() => resolve(), reject);
      }),
    );
    await sent;
    await other.publishAsync('lean/p/down', 'answer', { qos: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual(['early']);
    expect(got).toEqual(['answer']);
    await lean.close();
    await other.endAsync();
  });

  it('costs the embedded broker no $SYS announcement of its connection, subscription or disconnection', async () => {
    const watcher = await connectMqtt(broker.url);
    const announced: string[] = [];
    // Its heartbeat may come at any time; a client's connection, subscription or disconnection must not.
    watcher.on('message', (topic) => /clients|subscribes/.test(topic) && announced.push(topic));
    await watcher.subscribeAsync('$SYS/#', { qos: 0 });
    const lean = LeanMqttClient.open(broker.url, { clientId: 'lean-sys', pipeline: true });
    await new Promise<void>((resolve) => lean.on('connect', () => void lean.subscribe('lean/sys').then(resolve)));
    await lean.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(announced).toEqual([]);
    await watcher.endAsync();
  });

  it('keeps trying while no broker answers, and stops when closed', async () => {
    const lean = LeanMqttClient.open('mqtt://127.0.0.1:1', { clientId: 'lean-3', reconnectMs: 20 });
    await new Promise((r) => setTimeout(r, 100));
    expect(lean.connected).toBe(false);
    await lean.close();
  });
});
