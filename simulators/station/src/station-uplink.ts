import { BrokerUrl, brokerUrlOf } from '@shailoo/transport';
import { bishkekTime, ELECTION_DAY, electionDayHour } from '@shailoo/election';
import { Delivery, LINK_PROFILES, LinkModel, messageId, Modem, ModemConnectionFactory, Outage, Outbox } from '@shailoo/modem';
import { AcceleratedClock, Clock, Random } from '@shailoo/platform';
import { StationDay, StationMessage } from './polling-station';

export interface StationUplinkOptions {
  seed: string;
  /** The broker, or each device's URL with its credentials (a secured broker). */
  brokerUrl: BrokerUrl;
  /** Virtual seconds per real second (when no clock is given). */
  speed: number;
  link: keyof typeof LINK_PROFILES;
  /** Stretches of virtual time with no coverage at the station. */
  outages?: Outage[];
  /** Directory for the modems' outboxes; in memory when not given. */
  outboxDir?: string;
  /** How each modem reaches the broker; a real MQTT connection by default. */
  connect?: ModemConnectionFactory;
  log?: (line: string) => void;
  /** Told each time the broker refuses a device's login (its modem keeps dialing). */
  onRefused?: (deviceId: string, reason: string) => void;
}

/**
 * A station's modems, one per device, on a shared clock: each message goes out at its virtual
 * time and is resent until the CEC acknowledges it.
 */
export class StationUplink {
  private readonly modems: Map<string, Modem>;
  private readonly deliveries: Promise<Delivery>[] = [];
  /** Virtual times of the messages waiting for their time to be sent. */
  private readonly due = new Map<number, number>();
  /** The messages waiting for their time, by device: their ids (`kind:sequence`). */
  private readonly scheduled = new Map<string, Set<string>>();
  private stopped = false;

  constructor(
    private readonly electionId: string,
    deviceIds: string[],
    private readonly clock: Clock,
    private readonly options: Omit<StationUplinkOptions, 'speed'>,
  ) {
    this.modems = new Map(
      deviceIds.map((id) => [
        id,
        new Modem({
          deviceId: id,
          brokerUrl: brokerUrlOf(options.brokerUrl, id),
          clock,
          connect: options.connect,
          link: new LinkModel(LINK_PROFILES[options.link], Random.stream(options.seed, `link/${id}`), options.outages),
          outbox: new Outbox(options.outboxDir ? `${options.outboxDir}/${id}.json` : undefined),
          random: Random.stream(options.seed, `modem/${id}`),
          resendMs: 10_000,
          maxResendMs: 300_000,
          onRefused: options.onRefused && ((reason) => options.onRefused!(id, reason)),
        }),
      ]),
    );
  }

  start(): void {
    this.modems.forEach((m) => m.start());
  }

  /** Resolves once every modem has a session with the broker (real time, up to `timeoutMs`). */
  async connected(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (![...this.modems.values()].every((m) => m.connected)) {
      if (this.stopped) throw new Error(`modems of ${[...this.modems.keys()].join(', ')} stopped before they connected`);
      if (Date.now() > until) throw new Error(`modems of ${[...this.modems.keys()].join(', ')} not connected after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Hands a message to its device's modem once the clock reaches its time; resolves when acknowledged. */
  send(m: StationMessage): Promise<void> {
    const modem = this.modems.get(m.deviceId);
    if (!modem) throw new Error(`no modem for ${m.deviceId}`);
    const wait = m.atMs - this.clock.now();
    const id = messageId(m.kind, m.envelope);
    if (wait > 0) {
      this.due.set(m.atMs, (this.due.get(m.atMs) ?? 0) + 1);
      this.scheduled.set(m.deviceId, (this.scheduled.get(m.deviceId) ?? new Set()).add(id));
    }
    const due =
      wait > 0
        ? new Promise<void>((resolve) =>
            this.clock.setTimeout(() => {
              const left = this.due.get(m.atMs)! - 1;
              if (left) this.due.set(m.atMs, left);
              else this.due.delete(m.atMs);
              this.scheduled.get(m.deviceId)!.delete(id);
              resolve();
            }, wait),
          )
        : Promise.resolve();
    const delivered = due.then(() => {
      this.options.log?.(`${bishkekTime(m.atMs).slice(11)} ${m.deviceId} sends its ${m.kind}`);
      return modem.send(m.envelope, this.electionId, m.kind);
    });
    this.deliveries.push(delivered);
    return delivered.then(() => undefined);
  }

  /** Resolves when every message handed over so far is acknowledged, with their acknowledgements. */
  drained(): Promise<Delivery[]> {
    return Promise.all(this.deliveries);
  }

  /** When the next message waiting for its time is due (Infinity: none waits). */
  get nextDue(): number {
    let next = Infinity;
    for (const at of this.due.keys()) next = Math.min(next, at);
    return next;
  }

  /** Published and awaiting an acknowledgement that may still come. */
  get onWire(): number {
    let n = 0;
    for (const m of this.modems.values()) n += m.onWire;
    return n;
  }

  get pending(): number {
    let n = 0;
    for (const m of this.modems.values()) n += m.pending;
    return n;
  }

  /** Modems holding unacknowledged messages without a session with the broker: reconnecting takes real time. */
  get awaitingSession(): number {
    let n = 0;
    for (const m of this.modems.values()) if (m.pending && !m.connected) n++;
    return n;
  }

  /** The messages not yet acknowledged (`kind:sequence`), handed to a modem or waiting for their time, by device; devices with none left out. */
  unacknowledged(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [id, m] of this.modems) {
      const ids = [...m.unacknowledged(), ...(this.scheduled.get(id) ?? [])];
      if (ids.length) out[id] = ids;
    }
    return out;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.modems.values()].map((m) => m.stop()));
  }
}

/**
 * Sends a station's day through one modem per device, each message at its virtual time on an
 * accelerated clock starting at 07:00 of election day; resolves when all are acknowledged, with
 * the acknowledgements (a rejection is one: the tally server answered).
 */
export async function sendStationDay(
  electionId: string,
  date: string,
  deviceIds: string[],
  day: StationDay,
  options: StationUplinkOptions,
): Promise<Delivery[]> {
  const clock = new AcceleratedClock(electionDayHour(date, ELECTION_DAY.commissionMeets), options.speed);
  const uplink = new StationUplink(electionId, deviceIds, clock, options);
  uplink.start();
  try {
    day.messages.forEach((m) => void uplink.send(m));
    return await uplink.drained();
  } finally {
    await uplink.stop();
  }
}
