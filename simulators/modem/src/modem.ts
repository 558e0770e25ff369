import { MqttClient } from 'mqtt';
import { sha256, Topics, v1 } from '../../../libs/contracts/src';
import { Clock, Timer } from '../../../libs/platform/src/clock';
import { Random } from '../../../libs/platform/src/random';
import { openMqtt, uniqueClientId } from '../../../libs/transport/src/mqtt-connection';
import { LINK_PROFILES, LinkModel } from './link-model';
import { Outbox, OutboxEntry } from './outbox';

export interface ModemOptions {
  deviceId: string;
  brokerUrl: string;
  clock: Clock;
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
  private client: MqttClient | null = null;
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
    this.client = openMqtt(this.options.brokerUrl, { clientId: uniqueClientId(this.options.deviceId) });
    this.client.on('message', (topic, payload) => topic === ackTopic && this.onAck(payload));
    const subscribe = () => this.client!.subscribe(ackTopic, { qos: 1 }, (err) => !err && this.inFlight.forEach((f) => f.attempts === 0 && this.attempt(f)));
    this.client.on('connect', subscribe);
    for (const entry of this.outbox.pending()) this.track(entry);
  }

  /** Queues a signed message; resolves when the CEC has acknowledged it. */
  send(envelope: Buffer, electionId: string, kind: string): Promise<Delivery> {
    const { body } = v1.SignedEnvelope.decode(envelope);
    const { sequence } = v1.PayloadHeader.decode(body);
    const entry = this.outbox.add({ id: `${kind}:${sequence}`, electionId, kind, envelopeBase64: envelope.toString('base64') });
    const known = [...this.inFlight.values()].find((f) => f.entry.id === entry.id);
    if (known) return known.done;
    if (entry.acknowledged) return Promise.reject(new Error(`${entry.id} was acknowledged already; a modem never sends it again`));
    return this.track(entry).done;
  }

  /** Resolves when nothing is left unacknowledged. */
  async drained(): Promise<void> {
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  /** Powers off: timers stop, the connection drops; the outbox keeps what is pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const f of this.inFlight.values()) if (f.timer) this.options.clock.clearTimeout(f.timer);
    await this.client?.endAsync(true);
  }

  private track(entry: OutboxEntry): InFlight {
    const envelope = Buffer.from(entry.envelopeBase64, 'base64');
    let resolve!: (d: Delivery) => void;
    const done = new Promise<Delivery>((r) => (resolve = r));
    const f: InFlight = { entry, envelope, bodyHash: sha256(v1.SignedEnvelope.decode(envelope).body).toString('hex'), wait: this.options.resendMs ?? 1000, attempts: 0, timer: null, done, resolve };
    this.inFlight.set(f.bodyHash, f);
    if (this.client?.connected) this.attempt(f);
    return f;
  }

  private attempt(f: InFlight): void {
    if (this.stopped || !this.inFlight.has(f.bodyHash)) return;
    const { clock } = this.options;
    if (this.client?.connected) {
      f.attempts++;
      const delay = this.link.transfer(f.envelope.length, clock.now());
      if (delay !== null) {
        const topic = Topics.uplink(f.entry.electionId, this.options.deviceId, f.entry.kind);
        const publish = () => !this.stopped && this.client?.publish(topic, f.envelope, { qos: 1 });
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
    if (ack.status !== v1.AckStatus.ACK_STATUS_ACCEPTED && ack.status !== v1.AckStatus.ACK_STATUS_DUPLICATE) return;
    if (f.timer) this.options.clock.clearTimeout(f.timer);
    this.inFlight.delete(f.bodyHash);
    this.outbox.acknowledge(f.entry.id);
    f.resolve({ ack, attempts: f.attempts });
  }
}
