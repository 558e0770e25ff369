import { DeviceRegistration } from '@shailoo/contracts';
import { forkSibling, nextMessage } from './child';
import { FleetMember, LocalMember, RemoteMember } from './fleet-member';
import { FleetCounters, FleetShare, FromFleet, ToFleet, wallMs } from './fleet-protocol';
import { LoadtestOptions } from './options';

export interface FleetTick {
  counters: FleetCounters;
  latencies: number[];
  rssMb: number;
}

/** What became of one station process: where it ran, its stations, and its last figures. */
export interface FleetMemberResult {
  where: string;
  /** Global indices of its stations: from (inclusive) to (exclusive). */
  from: number;
  to: number;
  counters: FleetCounters;
  peakRssMb: number;
  /** Why it ended before finishing (its agent died, its connection broke); null when it finished. */
  died: string | null;
}

export interface FleetResult {
  /** Sums over the processes that finished. */
  counters: FleetCounters;
  /** Stations not acknowledged: those given up on, and every station of a process that died (nothing is known of them). */
  unacknowledged: number[];
  /** Each acknowledged station's poll close and acknowledgement (wall ms of this process), by acknowledgement. */
  acks: { closeAt: number; ackedAt: number }[];
  /** Sum over the processes of each one's peak RSS. */
  peakRssMb: number;
  members: FleetMemberResult[];
}

/** How long past the duration a process may stay silent before it is counted dead. */
const SILENT_MARGIN_MS = 60_000;

const sum = (list: FleetCounters[]): FleetCounters => {
  const total: FleetCounters = { connected: 0, sent: 0, acknowledged: 0, accepted: 0, duplicates: 0, rejected: 0, publishes: 0, cpuMs: 0 };
  for (const c of list) for (const k of Object.keys(total) as (keyof FleetCounters)[]) total[k] += c[k];
  return total;
};

/**
 * The station side: K station processes — children of this process, or behind load agents on other
 * machines (`options.agents`: `processes` on each) — each with a contiguous share of the stations
 * and of the rates.
 */
export class Fleet {
  private constructor(
    private readonly children: FleetMember[],
    readonly devices: DeviceRegistration[],
    private readonly shares: FleetShare[],
  ) {}

  /** Starts the processes; each derives its stations' keys and signed results; resolves with every device to register. */
  static async start(o: LoadtestOptions, election: { id: string; hash: string }, brokerUrl: string): Promise<Fleet> {
    const agents = o.agents ?? [];
    const k = Math.min(o.processes * Math.max(1, agents.length), o.stations);
    // Spread over the agents in turn, so each holds about as many processes.
    const children: FleetMember[] = agents.length
      ? await connectAll(Array.from({ length: k }, (_, p) => agents[p % agents.length]))
      : Array.from({ length: k }, () => new LocalMember(forkSibling('fleet-process')));
    const shares = children.map((_, p): FleetShare => ({
      brokerUrl,
      electionId: election.id,
      definitionHash: election.hash,
      from: Math.floor((o.stations * p) / k),
      to: Math.floor((o.stations * (p + 1)) / k),
      connectRate: o.connectRate / k,
      rate: o.rate / k,
      sessions: Math.max(1, Math.floor(o.sessions / k)),
      options: o,
    }));
    try {
      const ready = children.map((c) => nextMessage<FromFleet>(c, (m) => m.type === 'ready'));
      children.forEach((c, p) => c.send({ type: 'init', share: shares[p] } satisfies ToFleet));
      const answers = await Promise.all(ready);
      return new Fleet(
        children,
        answers.flatMap((m) => (m.type === 'ready' ? m.devices : [])),
        shares,
      );
    } catch (err) {
      children.forEach((c) => c.kill());
      throw err;
    }
  }

  /** Every process publishes its stations' results on `topicPrefix` over a few persistent connections to `brokerUrl`. */
  async raw(topicPrefix: string, brokerUrl: string, connectionsPerProcess = 25, window = 20): Promise<void> {
    await this.all({ type: 'raw', topicPrefix, connections: connectionsPerProcess, window, brokerUrl }, 'raw-done');
  }

  /** Hands each process the broker passwords of its devices (a secured broker; none elsewhere). */
  async credentials(passwordOf: (deviceId: string) => string | undefined): Promise<void> {
    const passwords = (from: number, to: number) =>
      this.devices.slice(from, to).flatMap((d): [string, string][] => {
        const password = passwordOf(d.id);
        return password ? [[d.id, password]] : [];
      });
    const done = this.children.map((c) => nextMessage<FromFleet>(c, (m) => m.type === 'credentials-taken'));
    this.children.forEach((c, p) => c.send({ type: 'credentials', passwords: passwords(this.shares[p].from, this.shares[p].to) } satisfies ToFleet));
    await Promise.all(done);
  }

  /** Persistent sessions: resolves once every station is connected. */
  async connect(): Promise<void> {
    await this.all({ type: 'connect' }, 'connected');
  }

  /**
   * Starts the day at wall time `t0` (each agent's process at the same instant of its own clock);
   * `onTick` gets the sums of every process about four times a second. A process that dies meanwhile
   * is reported with the stations it held; the others finish.
   */
  async run(t0: number, onTick: (t: FleetTick) => void): Promise<FleetResult> {
    // Each process's latest counters: the sums are over these.
    const last = this.children.map(() => ({ counters: sum([]), rssMb: 0 }));
    const listeners = this.children.map((c, p) => {
      const fn = (m: FromFleet) => {
        if (m.type !== 'tick') return;
        last[p] = { counters: m.counters, rssMb: m.rssMb };
        onTick({ counters: sum(last.map((l) => l.counters)), latencies: m.latencies, rssMb: last.reduce((s, l) => s + l.rssMb, 0) });
      };
      c.on('message', fn);
      return fn;
    });
    const outcomes = this.children.map((c) =>
      nextMessage<FromFleet>(c, (m) => m.type === 'finished').then(
        (m) => (m.type === 'finished' ? m : null),
        (err: Error) => ({ died: c.ended ?? err.message }),
      ),
    );
    this.children.forEach((c) => c.send({ type: 'go', t0: t0 + c.offsetMs } satisfies ToFleet));
    // Each process gives up what is unacknowledged at the duration's end: one silent past it (its machine gone without a word) is dead.
    const silentMs = this.shares[0].options.durationS * 1000 + SILENT_MARGIN_MS;
    const deadline = setTimeout(
      () => {
        for (const c of this.children) c.kill(`no word from it ${silentMs / 1000} s after the close`);
      },
      t0 - wallMs() + silentMs,
    );
    const ended = await Promise.all(outcomes).finally(() => clearTimeout(deadline));
    this.children.forEach((c, p) => c.off('message', listeners[p]));
    const members = this.children.map((c, p): FleetMemberResult & { acks: Float64Array; unacknowledged: number[] } => {
      const e = ended[p]!;
      const { from, to } = this.shares[p];
      if ('died' in e)
        return {
          where: c.where,
          from,
          to,
          counters: last[p].counters,
          peakRssMb: last[p].rssMb,
          died: e.died,
          acks: new Float64Array(),
          unacknowledged: range(from, to),
        };
      // Its clock's instants, in ours.
      const acks = e.acks.map((t) => t - c.offsetMs);
      return { where: c.where, from, to, counters: e.counters, peakRssMb: e.rssMb, died: null, acks, unacknowledged: e.unacknowledged };
    });
    const finished = members.filter((m) => m.died === null);
    return {
      counters: sum(finished.map((m) => m.counters)),
      unacknowledged: members.flatMap((m) => m.unacknowledged),
      acks: finished
        .flatMap(({ acks }) => Array.from({ length: acks.length / 2 }, (_, i) => ({ closeAt: acks[2 * i], ackedAt: acks[2 * i + 1] })))
        .sort((a, b) => a.ackedAt - b.ackedAt),
      peakRssMb: finished.reduce((s, m) => s + m.peakRssMb, 0),
      members: members.map(({ acks: _acks, unacknowledged: _u, ...m }) => m),
    };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.ended !== null) return resolve();
            c.once('exit', () => resolve());
            c.send({ type: 'stop' } satisfies ToFleet);
            setTimeout(() => c.kill(), 10_000).unref();
          }),
      ),
    );
  }

  private async all(message: ToFleet, answer: FromFleet['type']): Promise<void> {
    const done = this.children.map((c) => nextMessage<FromFleet>(c, (m) => m.type === answer));
    this.children.forEach((c) => c.send(message));
    await Promise.all(done);
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** One connection (one station process) per entry; if any agent cannot be reached, none is kept. */
async function connectAll(agents: string[]): Promise<FleetMember[]> {
  const settled = await Promise.allSettled(agents.map((a) => RemoteMember.connect(a)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<RemoteMember>).value);
  for (const s of settled) if (s.status === 'fulfilled') s.value.kill();
  throw failed.reason;
}
