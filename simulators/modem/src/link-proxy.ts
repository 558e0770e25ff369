import { connect, createServer, Server, Socket } from 'node:net';
import { Clock, Timer } from '@shailoo/platform';
import { LinkModel } from './link-model';

export interface LinkProxyOptions {
  /** Where the real broker listens. */
  target: { host: string; port: number };
  /** The time of the link model: latencies, retransmissions and outages are in its milliseconds (an accelerated clock runs them faster). */
  clock: Clock;
  /** The radio link of the n-th connection (0, 1, …): its profile, its own seeded stream, its outages in the clock's time. */
  link: (connection: number) => LinkModel;
  /** TCP's first retransmission timeout, in ms of the clock; it doubles each time the same segment is lost again. */
  rtoMs?: number;
  /** Retransmissions of one segment before TCP gives up and the connection is reset (Linux's tcp_retries2: 15). */
  maxRetransmissions?: number;
  /** The largest segment, in bytes. */
  segmentBytes?: number;
}

/** What the proxy did to the traffic so far. */
export interface LinkProxyStats {
  /** Connections accepted and carried to the broker. */
  connections: number;
  /** Connections refused at once: the modem dialed during an outage (it has no data session). */
  refused: number;
  /** Connections cut when an outage began (the modem lost its data session). */
  cut: number;
  /** Connections reset because one segment was lost more than maxRetransmissions times. */
  reset: number;
  /** Segments carried, in either direction. */
  segments: number;
  /** Segment transmissions lost (each costs a retransmission timeout). */
  lost: number;
  /** Bytes delivered, in either direction. */
  bytes: number;
}

/** Linux's ceiling on the retransmission timeout. */
const MAX_RTO_MS = 120_000;

/** One direction of one connection: segments in order, each delayed by the link, lost ones retransmitted as TCP does. */
class Direction {
  private readonly queue: { at: number; bytes: Buffer | null }[] = [];
  private timer: Timer | null = null;
  /** When the radio is free to send the next segment (bandwidth). */
  private busyUntil = 0;
  /** When the last queued segment arrives: later ones never overtake it (TCP delivers in order). */
  private lastArrival = 0;

  constructor(
    private readonly connection: ProxiedConnection,
    private readonly to: Socket,
  ) {}

  carry(chunk: Buffer): void {
    const { segmentBytes } = this.connection.proxy;
    for (let offset = 0; offset < chunk.length; offset += segmentBytes) this.segment(chunk.subarray(offset, offset + segmentBytes));
  }

  /** The sender closed its side: end ours once everything before it has arrived. */
  end(): void {
    this.enqueue(Math.max(this.connection.proxy.clock.now(), this.lastArrival), null);
  }

  stop(): void {
    if (this.timer) this.connection.proxy.clock.clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }

  private segment(bytes: Buffer): void {
    const { proxy, link } = this.connection;
    const now = proxy.clock.now();
    let at = Math.max(now, this.busyUntil);
    this.busyUntil = at + link.serializationMs(bytes.length);
    proxy.stats.segments++;
    let rto = proxy.rtoMs;
    for (let lost = 0; ; lost++) {
      const delay = link.transfer(bytes.length, at);
      if (delay !== null) {
        this.enqueue(Math.max(at + delay, this.lastArrival), bytes);
        return;
      }
      proxy.stats.lost++;
      if (lost === proxy.maxRetransmissions) {
        this.connection.resetAfter(at - now);
        return;
      }
      at += rto;
      rto = Math.min(rto * 2, MAX_RTO_MS);
    }
  }

  private enqueue(at: number, bytes: Buffer | null): void {
    this.lastArrival = at;
    this.queue.push({ at, bytes });
    if (!this.timer) this.arm();
  }

  private arm(): void {
    const { clock } = this.connection.proxy;
    this.timer = clock.setTimeout(() => this.deliver(), Math.max(0, this.queue[0].at - clock.now()));
  }

  /** The head's timer fired: it arrives, and so does everything else due by now, in order. */
  private deliver(): void {
    this.timer = null;
    const now = this.connection.proxy.clock.now();
    do {
      const { bytes } = this.queue.shift()!;
      if (this.to.destroyed) return;
      if (bytes === null) this.to.end();
      else {
        this.connection.proxy.stats.bytes += bytes.length;
        this.to.write(bytes);
      }
    } while (this.queue.length && this.queue[0].at <= now);
    if (this.queue.length) this.arm();
  }
}

class ProxiedConnection {
  private readonly up: Direction;
  private readonly down: Direction;
  private readonly timers: Timer[] = [];
  private closed = false;
  private socketsClosed = 0;

  constructor(
    readonly proxy: LinkProxy,
    readonly link: LinkModel,
    private readonly station: Socket,
    private readonly broker: Socket,
  ) {
    this.up = new Direction(this, broker);
    this.down = new Direction(this, station);
    for (const [from, direction] of [
      [station, this.up],
      [broker, this.down],
    ] as const) {
      from.on('data', (chunk: Buffer) => direction.carry(chunk));
      from.on('end', () => direction.end());
      // A reset ends everything at once; a clean close waits until what was in flight towards the
      // other side has arrived (the end is queued behind it) and that side has closed too.
      from.on('error', () => this.close());
      from.on('close', () => ++this.socketsClosed === 2 && this.close());
    }
    const outage = link.nextOutage(proxy.clock.now());
    if (outage) this.after(outage.fromMs - proxy.clock.now(), () => this.cut('cut'));
  }

  /** TCP gave up on a segment `ms` from now. */
  resetAfter(ms: number): void {
    this.after(ms, () => this.cut('reset'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.up.stop();
    this.down.stop();
    for (const t of this.timers) this.proxy.clock.clearTimeout(t);
    this.station.destroy();
    this.broker.destroy();
    this.proxy.forget(this);
  }

  private cut(why: 'cut' | 'reset'): void {
    if (this.closed) return;
    this.proxy.stats[why]++;
    this.station.resetAndDestroy();
    this.close();
  }

  private after(ms: number, fn: () => void): void {
    this.timers.push(this.proxy.clock.setTimeout(fn, Math.max(0, ms)));
  }
}

/**
 * A userspace TCP proxy that puts a modelled radio link between simulated stations and a real
 * broker (this kernel has no netem): every connection gets the project's LinkModel applied at the
 * socket. Each segment is delayed by the link's latency and serialized at its bandwidth; a lost
 * segment is retransmitted after TCP's timeout, doubling each time, in order (head-of-line
 * blocking, as TCP has), and after too many losses the connection is reset. During an outage the
 * modem has no data session: connections open when it begins are cut, and new ones are refused
 * until it ends. Timed by the given clock, so an accelerated clock runs a 10-minute outage in seconds.
 */
export class LinkProxy {
  readonly stats: LinkProxyStats = { connections: 0, refused: 0, cut: 0, reset: 0, segments: 0, lost: 0, bytes: 0 };
  readonly clock: Clock;
  readonly rtoMs: number;
  readonly maxRetransmissions: number;
  readonly segmentBytes: number;
  private readonly open = new Set<ProxiedConnection>();
  private dialed = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: LinkProxyOptions,
  ) {
    this.clock = options.clock;
    this.rtoMs = options.rtoMs ?? 1000;
    this.maxRetransmissions = options.maxRetransmissions ?? 15;
    this.segmentBytes = options.segmentBytes ?? 1400;
  }

  /** Listens on `port` (0: a free one) of `host` and carries each connection to the target over its link. */
  static start(options: LinkProxyOptions, port = 0, host = '127.0.0.1'): Promise<LinkProxy> {
    const server = createServer({ noDelay: true });
    const proxy = new LinkProxy(server, options);
    server.on('connection', (socket) => proxy.accept(socket));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(proxy));
    });
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** The proxy's address as an MQTT URL (with a URL's credentials, if given). */
  url(brokerUrl = 'mqtt://127.0.0.1'): string {
    const u = new URL(brokerUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString().replace(/\/$/, '');
  }

  /** Connections being carried now. */
  get connections(): number {
    return this.open.size;
  }

  forget(connection: ProxiedConnection): void {
    this.open.delete(connection);
  }

  /** Stops listening and cuts every connection. */
  async close(): Promise<void> {
    for (const c of [...this.open]) c.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(station: Socket): void {
    station.on('error', () => undefined);
    const link = this.options.link(this.dialed++);
    if (!link.up(this.clock.now())) {
      this.stats.refused++;
      station.resetAndDestroy();
      return;
    }
    this.stats.connections++;
    const broker = connect({ host: this.options.target.host, port: this.options.target.port, noDelay: true });
    broker.on('error', () => undefined);
    station.setNoDelay(true);
    this.open.add(new ProxiedConnection(this, link, station, broker));
  }
}
