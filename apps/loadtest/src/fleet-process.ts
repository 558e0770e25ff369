import { DeviceRegistration, v1 } from '@shailoo/contracts';
import { leanConnection, LINK_PROFILES, LinkModel, Modem } from '@shailoo/modem';
import { Random, SystemClock, TokenBucket } from '@shailoo/platform';
import { syntheticStation } from '@shailoo/scenario';
import { LeanMqttClient, uniqueClientId, withCredentials } from '@shailoo/transport';
import { FleetCounters, FleetShare, FromFleet, ToFleet, wallMs } from './fleet-protocol';

interface Station {
  index: number;
  deviceId: string;
  envelope: Buffer;
  /** When its polls close (wall ms), once the run has started. */
  closeAt: number;
  modem: Modem | null;
  state: 'waiting' | 'connecting' | 'sending' | 'done';
}

const ACCEPTED = v1.AckStatus.ACK_STATUS_ACCEPTED;
const REJECTED = v1.AckStatus.ACK_STATUS_REJECTED;

/**
 * One process of simulated ballot boxes: each station's key, precinct and signed result are
 * derived from the seed and its index; at its poll close it dials the broker through its modem
 * (the project's link model: latency, loss, resends with backoff), sends, waits for the CEC's
 * acknowledgement and hangs up (or keeps its session, without --dial). Rates are token buckets.
 */
class FleetShareProcess {
  private readonly stations: Station[] = [];
  private readonly clock = new SystemClock();
  private readonly counters: FleetCounters = { connected: 0, sent: 0, acknowledged: 0, accepted: 0, duplicates: 0, rejected: 0, publishes: 0, cpuMs: 0 };
  private cpuAtStart = 0;
  private connectedNow = 0;
  private latencies: number[] = [];
  /** (poll close, acknowledgement) of every acknowledged station, in wall ms. */
  private readonly acks: number[] = [];
  private next = 0;
  private sessions = 0;
  /** New connections and new results a second over this process's share (bursts of a fiftieth of a second); none: no cap. */
  private readonly connects: TokenBucket;
  private readonly sends: TokenBucket;
  private pumpTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private peakRss = 0;
  private finished = false;
  private readonly connection;
  /** Handed to the parent once, then dropped. */
  private registrations: DeviceRegistration[] = [];

  constructor(private readonly share: FleetShare) {
    this.connection = leanConnection({ qos: share.options.qos });
    const rate = (perSecond: number) => (perSecond > 0 ? new TokenBucket(perSecond, Math.max(perSecond / 50, 1), 0) : TokenBucket.unlimited());
    this.connects = rate(share.connectRate);
    this.sends = rate(share.rate);
    const election = { id: share.electionId, hash: share.definitionHash };
    for (let i = share.from; i < share.to; i++) {
      const s = syntheticStation(election, share.options.seed, i);
      this.registrations.push(s.registration);
      this.stations.push({ index: i, deviceId: s.registration.id, envelope: s.envelope, closeAt: Infinity, modem: null, state: 'waiting' });
    }
  }

  takeRegistrations(): DeviceRegistration[] {
    const r = this.registrations;
    this.registrations = [];
    return r;
  }

  /** Persistent sessions: every station connects (at the connect rate) before the polls close. */
  async connectAll(): Promise<void> {
    for (const s of this.stations) {
      while (!this.connects.take(wallMs())) await new Promise((r) => setTimeout(r, 5));
      this.open(s);
    }
    while (this.stations.some((s) => !s.modem!.connected)) await new Promise((r) => setTimeout(r, 20));
  }

  /** Broker passwords per device id (a secured broker). */
  private passwords = new Map<string, string>();

  takeCredentials(passwords: [string, string][]): void {
    this.passwords = new Map(passwords);
  }

  /** Baseline: the same bytes on a topic no server reads, over a few persistent connections (as a CEC-side tool on a secured broker). */
  async raw(topicPrefix: string, connections: number, window: number, brokerUrl: string): Promise<void> {
    const clients = Array.from({ length: connections }, (_, c) => LeanMqttClient.open(brokerUrl, { clientId: uniqueClientId(`raw-${c}`), reconnectMs: -1 }));
    await Promise.all(clients.map((c) => new Promise<void>((resolve) => c.on('connect', resolve))));
    let next = 0;
    const lane = async (client: LeanMqttClient) => {
      while (next < this.stations.length) {
        const s = this.stations[next++];
        await client.publish(`${topicPrefix}/${s.deviceId}`, s.envelope, this.share.options.qos);
      }
    };
    await Promise.all(clients.flatMap((c) => Array.from({ length: window }, () => lane(c))));
    await Promise.all(clients.map((c) => c.close()));
  }

  go(t0: number): void {
    this.cpuAtStart = cpuMs();
    const { mode, intervalS, stations } = this.share.options;
    for (const s of this.stations) s.closeAt = mode === 'burst' ? t0 : t0 + (intervalS * 1000 * s.index) / stations;
    this.pumpTimer = setInterval(() => this.pump(), 2);
    this.tickTimer = setInterval(() => this.tick(), 250);
    setTimeout(() => this.finish(), t0 - wallMs() + (this.share.options.durationS + (mode === 'steady' ? intervalS : 0)) * 1000).unref();
    this.pump();
  }

  async stop(): Promise<void> {
    if (this.pumpTimer) clearInterval(this.pumpTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    await Promise.all(this.stations.map((s) => s.modem?.stop()));
  }

  private pump(): void {
    const now = wallMs();
    const { dial } = this.share.options;
    while (this.next < this.stations.length) {
      const s = this.stations[this.next];
      if (s.closeAt > now || this.sends.available(now) < 1) break;
      if (dial) {
        if (this.sessions >= this.share.sessions || !this.connects.take(now)) break;
        this.open(s);
      }
      this.sends.take(now);
      this.next++;
      this.send(s);
    }
  }

  /** Makes the station's modem and lets it connect (in persistent mode, at the connect rate). */
  private open(s: Station): void {
    const { options } = this.share;
    const random = Random.stream(options.seed, `modem/${s.index}`);
    const profile = { ...LINK_PROFILES[options.link], ...(options.loss === undefined ? {} : { lossRate: options.loss }) };
    s.modem = new Modem({
      deviceId: s.deviceId,
      brokerUrl: this.passwords.has(s.deviceId) ? withCredentials(this.share.brokerUrl, s.deviceId, this.passwords.get(s.deviceId)!) : this.share.brokerUrl,
      clock: this.clock,
      connect: (url, id) => {
        const c = this.connection(url, id);
        c.onConnect(() => this.connectedNow++);
        c.onClose?.(() => this.connectedNow--);
        return c;
      },
      link: new LinkModel(profile, Random.stream(options.seed, `link/${s.index}`)),
      random,
      resendMs: options.resendMs,
      maxResendMs: Math.max(options.resendMs, 60_000),
      onAck: (ack) => ack.status === REJECTED && this.done(s, 'rejected'),
    });
    this.sessions++;
    s.state = 'connecting';
    s.modem.start();
  }

  private send(s: Station): void {
    s.state = 'sending';
    this.counters.sent++;
    s.modem!.send(s.envelope, this.share.electionId, 'result').then(
      (d) => {
        this.counters.publishes += d.attempts - 1;
        this.done(s, d.ack.status === ACCEPTED ? 'accepted' : 'duplicate');
      },
      () => this.done(s, 'rejected'),
    );
    this.counters.publishes++;
  }

  private done(s: Station, outcome: 'accepted' | 'duplicate' | 'rejected'): void {
    if (s.state === 'done') return;
    s.state = 'done';
    const now = wallMs();
    if (outcome === 'rejected') this.counters.rejected++;
    else {
      this.counters.acknowledged++;
      if (outcome === 'accepted') this.counters.accepted++;
      else this.counters.duplicates++;
      this.latencies.push(now - s.closeAt);
      this.acks.push(s.closeAt, now);
    }
    if (this.share.options.dial) this.hangUp(s);
    if (this.counters.acknowledged + this.counters.rejected === this.stations.length) this.finish();
  }

  private hangUp(s: Station): void {
    const modem = s.modem;
    s.modem = null;
    void modem?.stop().then(() => {
      this.sessions--;
      this.pump();
    });
  }

  private tick(): FromFleet {
    this.counters.connected = this.connectedNow;
    this.counters.cpuMs = cpuMs() - this.cpuAtStart;
    const rssMb = process.memoryUsage.rss() / 2 ** 20;
    this.peakRss = Math.max(this.peakRss, rssMb);
    const message: FromFleet = { type: 'tick', counters: { ...this.counters }, latencies: this.latencies, rssMb: this.peakRss };
    this.latencies = [];
    process.send!(message);
    return message;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.tick();
    const unacknowledged = this.stations.filter((s) => s.state !== 'done').map((s) => s.index);
    process.send!({
      type: 'finished',
      counters: { ...this.counters },
      unacknowledged,
      acks: Float64Array.from(this.acks),
      rssMb: this.peakRss,
    } satisfies FromFleet);
  }
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

let fleet: FleetShareProcess | null = null;
process.on('message', async (m: ToFleet) => {
  if (m.type === 'init') {
    fleet = new FleetShareProcess(m.share);
    process.send!({ type: 'ready', devices: fleet.takeRegistrations() } satisfies FromFleet);
  } else if (m.type === 'connect') {
    await fleet!.connectAll();
    process.send!({ type: 'connected' } satisfies FromFleet);
  } else if (m.type === 'raw') {
    await fleet!.raw(m.topicPrefix, m.connections, m.window, m.brokerUrl);
    process.send!({ type: 'raw-done' } satisfies FromFleet);
  } else if (m.type === 'credentials') {
    fleet!.takeCredentials(m.passwords);
    process.send!({ type: 'credentials-taken' } satisfies FromFleet);
  } else if (m.type === 'go') fleet!.go(m.t0);
  else if (m.type === 'stop') {
    await fleet?.stop();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
