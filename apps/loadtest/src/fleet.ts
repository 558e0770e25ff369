import { ChildProcess } from 'node:child_process';
import { DeviceRegistration } from '@shailoo/contracts';
import { forkSibling, nextMessage } from './child';
import { FleetCounters, FleetShare, FromFleet, ToFleet } from './fleet-protocol';
import { LoadtestOptions } from './options';

export interface FleetTick {
  counters: FleetCounters;
  latencies: number[];
  rssMb: number;
}

export interface FleetResult {
  counters: FleetCounters;
  unacknowledged: number[];
  /** Each acknowledged station's poll close and acknowledgement (wall ms), by acknowledgement. */
  acks: { closeAt: number; ackedAt: number }[];
  /** Sum over the processes of each one's peak RSS. */
  peakRssMb: number;
}

const sum = (list: FleetCounters[]): FleetCounters => {
  const total: FleetCounters = { connected: 0, sent: 0, acknowledged: 0, accepted: 0, duplicates: 0, rejected: 0, publishes: 0, cpuMs: 0 };
  for (const c of list) for (const k of Object.keys(total) as (keyof FleetCounters)[]) total[k] += c[k];
  return total;
};

/** The station side: K child processes, each with a contiguous share of the stations and of the rates. */
export class Fleet {
  private constructor(
    private readonly children: ChildProcess[],
    readonly devices: DeviceRegistration[],
    /** How many of the devices each process has, in order. */
    private readonly counts: number[],
  ) {}

  /** Forks the processes; each derives its stations' keys and signed results; resolves with every device to register. */
  static async start(o: LoadtestOptions, election: { id: string; hash: string }, brokerUrl: string): Promise<Fleet> {
    const k = Math.min(o.processes, o.stations);
    const children = Array.from({ length: k }, () => forkSibling('fleet-process'));
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
    const ready = children.map((c) => nextMessage<FromFleet>(c, (m) => m.type === 'ready'));
    children.forEach((c, p) => c.send({ type: 'init', share: shares[p] } satisfies ToFleet));
    const answers = await Promise.all(ready);
    const devices = answers.flatMap((m) => (m.type === 'ready' ? m.devices : []));
    return new Fleet(
      children,
      devices,
      answers.map((m) => (m.type === 'ready' ? m.devices.length : 0)),
    );
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
    let from = 0;
    this.children.forEach((c, p) => {
      const to = from + this.counts[p];
      c.send({ type: 'credentials', passwords: passwords(from, to) } satisfies ToFleet);
      from = to;
    });
    await Promise.all(done);
  }

  /** Persistent sessions: resolves once every station is connected. */
  async connect(): Promise<void> {
    await this.all({ type: 'connect' }, 'connected');
  }

  /** Starts the day at wall time `t0`; `onTick` gets the sums of every process about four times a second. */
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
    const finished = this.children.map((c) => nextMessage<FromFleet>(c, (m) => m.type === 'finished'));
    this.children.forEach((c) => c.send({ type: 'go', t0 } satisfies ToFleet));
    const results = (await Promise.all(finished)).filter((m) => m.type === 'finished');
    this.children.forEach((c, p) => c.off('message', listeners[p]));
    return {
      counters: sum(results.map((r) => r.counters)),
      unacknowledged: results.flatMap((r) => r.unacknowledged),
      acks: results
        .flatMap((r) => Array.from({ length: r.acks.length / 2 }, (_, i) => ({ closeAt: r.acks[2 * i], ackedAt: r.acks[2 * i + 1] })))
        .sort((a, b) => a.ackedAt - b.ackedAt),
      peakRssMb: results.reduce((s, r) => s + r.rssMb, 0),
    };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
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
