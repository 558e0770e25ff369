import { connect as netConnect, Socket } from 'node:net';
import { connect as tlsConnect, ConnectionOptions } from 'node:tls';
import { generate, IPublishPacket, Packet, parser as packetParser } from 'mqtt-packet';

export interface LeanMqttOptions {
  clientId: string;
  username?: string;
  password?: string;
  /** Seconds between PINGREQs while idle; 0 turns keepalive off. */
  keepalive?: number;
  /** Wait before reconnecting after the connection drops, in ms; negative: never reconnect. */
  reconnectMs?: number;
  /** Trust and identity for mqtts:// (a CA, a client certificate). */
  tls?: ConnectionOptions;
  /**
   * Send right after the CONNECT, without waiting for the CONNACK (MQTT 3.1.1 §3.1.4 allows it): the
   * client counts as connected, and `connect` fires, once its CONNECT is written, so what is
   * subscribed and published then leaves with it — one round trip and one TCP segment where there
   * were three, as a modem paying for every second of airtime dials. A refused login closes the
   * connection, and whatever was sent with it is lost as on any dropped connection.
   */
  pipeline?: boolean;
}

/**
 * A small MQTT 3.1.1 client for many thousands of simulated devices in one process: one socket, a
 * packet parser, and no streams, stores or timers beyond one keepalive. It speaks the same wire
 * protocol as mqtt.js (CONNECT, SUBSCRIBE, PUBLISH at QoS 0 or 1, PUBACK, PINGREQ, DISCONNECT) at
 * a fraction of its memory per connection; QoS 1 messages it receives are acknowledged at once.
 */
export class LeanMqttClient {
  private socket: Socket | null = null;
  private nextId = 1;
  private closed = false;
  private isConnected = false;
  /** The CONNECT is written (pipelining: the client may send). */
  private isOpen = false;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly waiting = new Map<number, (refusal: string | null) => void>();
  private readonly listeners = { connect: [] as (() => void)[], message: [] as ((topic: string, payload: Buffer) => void)[], close: [] as (() => void)[] };

  constructor(
    private readonly url: URL,
    private readonly options: LeanMqttOptions,
  ) {}

  /** Opens a client; a username and password in the URL (mqtt://user:pass@host) are used unless the options give them. */
  static open(url: string, options: LeanMqttOptions): LeanMqttClient {
    const u = new URL(url);
    const fromUrl = u.username ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : {};
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as LeanMqttOptions;
    const client = new LeanMqttClient(u, { ...fromUrl, ...given });
    client.dial();
    return client;
  }

  get connected(): boolean {
    return this.isConnected || (this.isOpen && !!this.options.pipeline);
  }

  on(event: 'connect' | 'close', fn: () => void): void;
  on(event: 'message', fn: (topic: string, payload: Buffer) => void): void;
  on(event: keyof LeanMqttClient['listeners'], fn: (...args: never[]) => void): void {
    (this.listeners[event] as unknown[]).push(fn);
  }

  /** Subscribes at QoS 1; resolves on the SUBACK, rejects when the broker refuses or the connection is gone. */
  subscribe(topic: string): Promise<void> {
    return this.request((messageId) => ({ cmd: 'subscribe', messageId, subscriptions: [{ topic, qos: 1 }] }), `subscribe ${topic}`);
  }

  /** QoS 0: fire and forget. QoS 1: resolves on the PUBACK. Rejects when not connected. */
  publish(topic: string, payload: Buffer, qos: 0 | 1 = 1): Promise<void> {
    if (qos === 0) {
      if (!this.write({ cmd: 'publish', topic, payload, qos: 0, retain: false, dup: false })) return Promise.reject(new Error('not connected'));
      return Promise.resolve();
    }
    return this.request((messageId) => ({ cmd: 'publish', topic, payload, qos: 1, messageId, retain: false, dup: false }), `publish ${topic}`);
  }

  /** Sends DISCONNECT and closes; never reconnects after. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (this.connected) this.write({ cmd: 'disconnect' });
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }

  private request(packet: (messageId: number) => Packet, what: string): Promise<void> {
    const messageId = this.nextId;
    this.nextId = (this.nextId % 65535) + 1;
    return new Promise((resolve, reject) => {
      if (!this.write(packet(messageId))) return reject(new Error(`${what}: not connected`));
      this.waiting.set(messageId, (refusal) => (refusal === null ? resolve() : reject(new Error(`${what}: ${refusal}`))));
    });
  }

  private write(packet: Packet): boolean {
    if (!this.socket || this.socket.destroyed || (!this.connected && packet.cmd !== 'connect')) return false;
    this.socket.write(generate(packet));
    return true;
  }

  private dial(): void {
    const port = Number(this.url.port) || (this.url.protocol === 'mqtts:' ? 8883 : 1883);
    const host = this.url.hostname;
    const socket =
      this.url.protocol === 'mqtts:' ? tlsConnect({ host, port, servername: host, ...this.options.tls }) : netConnect({ host, port, noDelay: true });
    this.socket = socket;
    const parser = packetParser({ protocolVersion: 4 });
    parser.on('packet', (p: Packet) => this.onPacket(p));
    parser.on('error', () => socket.destroy());
    socket.on(this.url.protocol === 'mqtts:' ? 'secureConnect' : 'connect', () => {
      // Closed while the TCP connection was being made: nothing is sent, no listener told.
      if (this.closed) return void socket.destroy();
      // Whatever is written in this turn of the event loop leaves in one segment (pipelining: the CONNECT, a SUBSCRIBE, a PUBLISH).
      this.corkForATurn(socket);
      this.write({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clean: true,
        clientId: this.options.clientId,
        keepalive: this.options.keepalive ?? 60,
        username: this.options.username,
        password: this.options.password === undefined ? undefined : Buffer.from(this.options.password),
      });
      this.isOpen = true;
      if (this.options.pipeline) this.listeners.connect.forEach((fn) => fn());
    });
    socket.on('data', (chunk: Buffer) => {
      // The answers to what arrived (a PUBACK, then perhaps a DISCONNECT once the message was what was awaited) leave together.
      this.corkForATurn(socket);
      parser.parse(chunk);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.onClose(socket));
  }

  private onPacket(p: Packet): void {
    switch (p.cmd) {
      case 'connack':
        if (p.returnCode !== 0) {
          this.socket?.destroy();
          return;
        }
        this.isConnected = true;
        this.startKeepalive();
        if (!this.options.pipeline) this.listeners.connect.forEach((fn) => fn());
        return;
      case 'publish': {
        const { topic, payload, qos, messageId } = p as IPublishPacket;
        if (qos === 1) this.write({ cmd: 'puback', messageId });
        this.listeners.message.forEach((fn) => fn(topic, Buffer.isBuffer(payload) ? payload : Buffer.from(payload)));
        return;
      }
      case 'puback':
        this.settle(p.messageId, null);
        return;
      case 'suback':
        this.settle(p.messageId, (p.granted as number[]).some((g) => g >= 0x80) ? 'refused by the broker' : null);
        return;
    }
  }

  private settle(messageId: number | undefined, refusal: string | null): void {
    const done = messageId === undefined ? undefined : this.waiting.get(messageId);
    if (!done) return;
    this.waiting.delete(messageId!);
    done(refusal);
  }

  private startKeepalive(): void {
    const seconds = this.options.keepalive ?? 60;
    if (seconds <= 0) return;
    this.keepaliveTimer = setInterval(() => this.write({ cmd: 'pingreq' }), (seconds * 1000) / 2);
    this.keepaliveTimer.unref();
  }

  /** Holds the socket's writes until the promises and callbacks of this turn have run; then one write (an `end()` flushes at once). */
  private corkForATurn(socket: Socket): void {
    socket.cork();
    setImmediate(() => socket.uncork());
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    const was = this.connected;
    this.isConnected = false;
    this.isOpen = false;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
    for (const done of this.waiting.values()) done('the connection closed');
    this.waiting.clear();
    if (was) this.listeners.close.forEach((fn) => fn());
    const wait = this.options.reconnectMs ?? 500;
    if (this.closed || wait < 0) return;
    this.reconnectTimer = setTimeout(() => this.dial(), wait);
  }
}
