import { MessageKind, sha256, Topics, v1 } from '@shailoo/contracts';
import { Clock, Random, Timer } from '@shailoo/platform';
import { LeanMqttClient, openMqtt, uniqueClientId } from '@shailoo/transport';
import { LINK_PROFILES, LinkModel } from './link-model';
import { Outbox, OutboxEntry } from './outbox';

/** What a modem needs of its connection to the broker: a session that comes and goes, one subscription, QoS 1 publishes. */
export interface ModemConnection {
  readonly connected: boolean;
  /**
   * Whether it is connected once its CONNECT is written, before the broker answers (MQTT 3.1.1
   * allows sending at once): the modem then subscribes and publishes in the same segment instead of
   * waiting for the subscription's acknowledgement.
   */
  readonly pipelined?: boolean;
  /** Called on every (re)connection. */
  onConnect(fn: () => void): void;
  onMessage(fn: (topic: string, payload: Buffer) => void): void;
  /** Called when a session that was up ends (where the connection can tell). */
  onClose?(fn: () => void): void;
  /** Called when the broker refuses the login (where the connection can tell); it keeps trying. */
  onRefused?(fn: (reason: string) => void): void;
  subscribe(topic: string): Promise<void>;
  publish(topic: string, payload: Buffer): void;
  close(): Promise<void>;
}

/** Opens a modem's connection; it must keep reconnecting by itself, as a modem does. */
export type ModemConnectionFactory = (brokerUrl: string, clientId: string) => ModemConnection;

/** The real connection: mqtt.js at QoS 1, reconnecting every 500 ms, a refused login included (as a modem keeps dialing). */
export const mqttConnection: ModemConnectionFactory = (brokerUrl, clientId) => {
  const client = openMqtt(brokerUrl, { clientId, reconnectOnConnackError: true });
  return {
    get connected() {
      return client.connected;
    },
    onConnect: (fn) => void client.on('connect', fn),
    onMessage: (fn) => void client.on('message', fn),
    // Bad credentials or not authorized (MQTT 3.1.1's 4 and 5, 5.0's 134 and 135); a busy broker (3) is only waited out.
    onRefused: (fn) => void client.on('error', (err: Error & { code?: unknown }) => [4, 5, 134, 135].includes(err.code as number) && fn(err.message)),
    subscribe: (topic) => client.subscribeAsync(topic, { qos: 1 }).then(() => undefined),
    publish: (topic, payload) => void client.publish(topic, payload, { qos: 1 }),
    close: () => client.endAsync(true),
  };
};

/**
 * The lean client's connection, for fleets of thousands of modems in one process: the same MQTT on
 * the wire at a fraction of mqtt.js's memory, pipelined (CONNECT, SUBSCRIBE and PUBLISH in one
 * segment; `pipeline: false` waits for each answer). QoS 0 publishes are the load-test option of a
 * link that does not wait for the broker's PUBACK; the modem still waits for the CEC's acknowledgement.
 */
export function leanConnection(options: { qos?: 0 | 1; username?: string; password?: string; pipeline?: boolean } = {}): ModemConnectionFactory {
  const pipeline = options.pipeline ?? true;
  return (brokerUrl, clientId) => {
    const client = LeanMqttClient.open(brokerUrl, { clientId, username: options.username, password: options.password, pipeline });
    return {
      get connected() {
        return client.connected;
      },
      pipelined: pipeline,
      onConnect: (fn) => client.on('connect', fn),
      onMessage: (fn) => client.on('message', fn),
      onClose: (fn) => client.on('close', fn),
      subscribe: (topic) => client.subscribe(topic),
      publish: (topic, payload) => void client.publish(topic, payload, options.qos ?? 1).catch(() => undefined),
      close: () => client.close(),
    };
  };
}

/** Messages a pipelined modem sends with its CONNECT, before the broker has answered. */
const PIPELINED_AT_MOST = 8;

/** A message's id in a modem's outbox and in reports: its kind and sequence, `result:3`. */
export function messageId(kind: MessageKind, envelope: Buffer): string {
  return `${kind}:${v1.PayloadHeader.decode(v1.SignedEnvelope.decode(envelope).body).sequence}`;
}

export interface ModemOptions {
  deviceId: string;
  brokerUrl: string;
  clock: Clock;
  /** How the modem reaches the broker (a real MQTT connection by default; tests pass their own). */
  connect?: ModemConnectionFactory;
  /** The radio link; ideal when not given. */
  link?: LinkModel;
  /** The store-and-forward queue; in memory when not given. */
  outbox?: Outbox;
  /** Seed stream for the backoff's jitter. */
  random?: Random;
  /** First wait for an acknowledgement before resending, in ms; doubles up to maxResendMs. */
  resendMs?: number;
  maxResendMs?: number;
  /** Each wait is varied by up to ± this fraction, so stations do not resend in step. */
  jitter?: number;
  /** Told of every acknowledgement of one of its messages that crosses the link, rejections included. */
  onAck?: (ack: v1.Ack) => void;
  /** Told each time the broker refuses the modem's login (it keeps dialing). */
  onRefused?: (reason: string) => void;
}

export interface Delivery {
  ack: v1.Ack;
  /** Sending attempts for this message on this modem, lost ones included. */
  attempts: number;
}

interface InFlight {
  entry: OutboxEntry;
  envelope: Buffer;
  bodyHash: string;
  wait: number;
  attempts: number;
  /** Published on this attempt and not yet answered nor given up on. */
  onWire: boolean;
  timer: Timer | null;
  done: Promise<Delivery>;
  resolve: (d: Delivery) => void;
}

/**
 * A polling station's modem: store-and-forward of signed messages to the CEC over a modelled
 * radio link (latency, bandwidth, loss, outages). Each message is resent with exponential backoff
 * and jitter until the tally server acknowledges exactly its body; the queue can live in a file,
 * so a restarted device resumes and never sends an acknowledged message again.
 */
export class Modem {
  private client: ModemConnection | null = null;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly link: LinkModel;
  private readonly outbox: Outbox;
  private readonly random: Random;
  private stopped = false;

  constructor(private readonly options: ModemOptions) {
    this.random = options.random ?? Random.stream(options.deviceId, 'modem');
    this.link = options.link ?? new LinkModel(LINK_PROFILES.ideal, this.random);
    this.outbox = options.outbox ?? new Outbox();
  }

  /** Powers on: connects, and resumes whatever the outbox still holds. */
  start(): void {
    const ackTopic = Topics.ack(this.options.deviceId);
    const client = (this.options.connect ?? mqttConnection)(this.options.brokerUrl, uniqueClientId(this.options.deviceId));
    this.client = client;
    client.onMessage((topic, payload) => topic === ackTopic && this.onAck(payload));
    if (this.options.onRefused) client.onRefused?.(this.options.onRefused);
    const firstAttempts = (most = Infinity) => {
      for (const f of this.inFlight.values()) if (f.attempts === 0 && most-- > 0) this.attempt(f);
    };
    client.onConnect(() => {
      const subscribed = client.subscribe(ackTopic);
      // Pipelined, the subscription and the first few messages leave with the CONNECT (a broker holds
      // only so many packets before its CONNACK: aedes closes a client past 42); the rest follow the SUBACK.
      if (client.pipelined) firstAttempts(PIPELINED_AT_MOST);
      subscribed.then(
        () => firstAttempts(),
        () => undefined,
      );
    });
    for (const entry of this.outbox.pending()) this.track(entry);
  }

  /** Queues a signed message; resolves when the CEC has acknowledged it. */
  send(envelope: Buffer, electionId: string, kind: MessageKind): Promise<Delivery> {
    const entry = this.outbox.add({ id: messageId(kind, envelope), electionId, kind, envelopeBase64: envelope.toString('base64') });
    const known = [...this.inFlight.values()].find((f) => f.entry.id === entry.id);
    if (known) return known.done;
    if (entry.acknowledged) return Promise.reject(new Error(`${entry.id} was acknowledged already; a modem never sends it again`));
    return this.track(entry).done;
  }

  /** Resolves when nothing is left unacknowledged. */
  async drained(): Promise<void> {
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  /** Messages published on the current attempt whose acknowledgement may still come. */
  get onWire(): number {
    let n = 0;
    for (const f of this.inFlight.values()) if (f.onWire) n++;
    return n;
  }

  /** Whether the modem has a session with the broker now. */
  get connected(): boolean {
    return !!this.client?.connected;
  }

  /** Messages not yet acknowledged. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** The outbox ids (`kind:sequence`) of the messages not yet acknowledged. */
  unacknowledged(): string[] {
    return [...this.inFlight.values()].map((f) => f.entry.id);
  }

  /** Powers off: timers stop, the connection drops; the outbox keeps what is pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const f of this.inFlight.values()) if (f.timer) this.options.clock.clearTimeout(f.timer);
    await this.client?.close();
  }

  private track(entry: OutboxEntry): InFlight {
    const envelope = Buffer.from(entry.envelopeBase64, 'base64');
    let resolve!: (d: Delivery) => void;
    const done = new Promise<Delivery>((r) => (resolve = r));
    const f: InFlight = {
      entry,
      envelope,
      bodyHash: sha256(v1.SignedEnvelope.decode(envelope).body).toString('hex'),
      wait: this.options.resendMs ?? 1000,
      attempts: 0,
      onWire: false,
      timer: null,
      done,
      resolve,
    };
    this.inFlight.set(f.bodyHash, f);
    if (this.client?.connected) this.attempt(f);
    return f;
  }

  private attempt(f: InFlight): void {
    if (this.stopped || !this.inFlight.has(f.bodyHash)) return;
    const { clock } = this.options;
    f.onWire = false;
    if (this.client?.connected) {
      f.attempts++;
      const delay = this.link.transfer(f.envelope.length, clock.now());
      if (delay !== null) {
        const topic = Topics.uplink(f.entry.electionId, this.options.deviceId, f.entry.kind);
        const publish = () => {
          if (this.stopped || !this.client) return;
          f.onWire = true;
          this.client.publish(topic, f.envelope);
        };
        if (delay > 0) clock.setTimeout(publish, delay);
        else publish();
      }
    }
    const jitter = this.options.jitter ?? 0.2;
    f.timer = clock.setTimeout(() => this.attempt(f), f.wait * (1 + jitter * (2 * this.random.next() - 1)));
    f.wait = Math.min(f.wait * 2, this.options.maxResendMs ?? 60_000);
  }

  private onAck(payload: Buffer): void {
    let ack: v1.Ack;
    try {
      ack = v1.Ack.decode(payload);
    } catch {
      return;
    }
    const f = this.inFlight.get(Buffer.from(ack.bodyHash).toString('hex'));
    if (!f) return;
    // The acknowledgement crosses the same radio link on its way down.
    if (this.link.transfer(payload.length, this.options.clock.now()) === null) return;
    this.options.onAck?.(ack);
    if (ack.status !== v1.AckStatus.ACK_STATUS_ACCEPTED && ack.status !== v1.AckStatus.ACK_STATUS_DUPLICATE) return;
    if (f.timer) this.options.clock.clearTimeout(f.timer);
    this.inFlight.delete(f.bodyHash);
    this.outbox.acknowledge(f.entry.id);
    f.resolve({ ack, attempts: f.attempts });
  }
}
