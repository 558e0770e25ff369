import { LINK_PROFILES } from '@shailoo/modem';

/** Everything `shailoo-sim loadtest` takes; see `loadtestOptions` for the defaults. */
export interface LoadtestOptions {
  /** How many stations; each has its own box, device key, precinct and sequence. */
  stations: number;
  /** New connections per second over all processes; 0: as fast as they go. */
  connectRate: number;
  /** burst: every station closes its polls at the same instant; steady: spread over `intervalS`. */
  mode: 'burst' | 'steady';
  intervalS: number;
  /** Most new results sent per second over all processes; 0: no cap. */
  rate: number;
  qos: 0 | 1;
  link: keyof typeof LINK_PROFILES;
  /** Loss per transfer; the link profile's own when not given. */
  loss?: number;
  /** Each station dials, sends, waits for its acknowledgement and hangs up (a modem); else it stays connected. */
  dial: boolean;
  /** Station processes: children of this process, or on each agent with `agents`. */
  processes: number;
  /**
   * Load agents (`shailoo-sim loadtest agent --listen`) as host:port: the station processes run
   * there, `processes` on each, the stations shared out by index; this process coordinates (one
   * clock for the close of polls, one merged report). The broker's URL must reach them too.
   */
  agents?: string[];
  /** Most stations in a session at once over all processes (sockets at the broker). */
  sessions: number;
  seed: string;
  /** Seconds after the first poll close when whatever is unacknowledged is given up. */
  durationS: number;
  /** A station's first wait for its acknowledgement before resending, in ms (doubling, with jitter). */
  resendMs: number;
  /** Clients reading the public results API during the run. */
  readers: number;
  /** Each reader's refresh interval in ms (a results page reloading itself); 0: back to back. */
  readerIntervalMs: number;
  /** The server: embedded (default) or an external broker and HTTP base URL. */
  broker?: string;
  register?: string;
  /** Where the stations dial instead of `broker`: a `shailoo-sim link-proxy` in front of it, say (the tools still use `broker`). */
  via?: string;
  /** The external server's operator token (registration is an operator's call). */
  operatorToken?: string;
  /** The external broker's secret (BROKER_SECRET): the observer and the raw baseline then log in as `service-tools`. */
  brokerSecret?: string;
  /** Skip the two baselines (for quick runs). */
  baselines: boolean;
  /** An external tally server's processes on this machine: their CPU (all threads, /proc) is measured during the burst. */
  serverPids?: number[];
  /** An external broker's process on this machine, measured the same way. */
  brokerPid?: number;
  /** A file for a CPU profile of the embedded tally server's process during the run. */
  profile?: string;
}

/** One process holds at most this many sockets (this machine's `ulimit -n` is 20,000; leave room). */
export const SOCKETS_PER_PROCESS = 15_000;

export class LoadtestOptionsError extends Error {}

export function loadtestOptions(flags: Partial<LoadtestOptions> & { stations: number }): LoadtestOptions {
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as typeof flags;
  const dial = given.dial ?? true;
  const stations = given.stations;
  const sessions = given.sessions ?? Math.min(stations, dial ? 2_000 : SOCKETS_PER_PROCESS);
  const o: LoadtestOptions = {
    connectRate: 0,
    mode: 'burst',
    intervalS: 60,
    rate: 0,
    qos: 1,
    link: 'ideal',
    // Enough for the sockets, at least 2 from 10,000 stations; shared over the agents when there are some.
    processes: Math.ceil(
      Math.max(1, Math.ceil((dial ? sessions : stations) / SOCKETS_PER_PROCESS), Math.min(2, Math.ceil(stations / 10_000))) / (given.agents?.length || 1),
    ),
    seed: 'loadtest',
    durationS: 600,
    resendMs: 30_000,
    readers: 0,
    readerIntervalMs: 1000,
    baselines: true,
    ...given,
    dial,
    sessions,
  };
  const problem = check(o);
  if (problem) throw new LoadtestOptionsError(problem);
  return o;
}

function check(o: LoadtestOptions): string | null {
  if (!Number.isInteger(o.stations) || o.stations < 1) return `--stations must be a whole number ≥ 1, got ${o.stations}`;
  if (!Number.isInteger(o.processes) || o.processes < 1) return `--processes must be a whole number ≥ 1, got ${o.processes}`;
  for (const agent of o.agents ?? []) {
    try {
      splitHostPort(agent);
    } catch (err) {
      return `--agents takes host:port,host:port…: ${(err as Error).message}`;
    }
  }
  const processes = o.processes * (o.agents?.length || 1);
  if (!o.dial && o.stations / processes > SOCKETS_PER_PROCESS)
    return `${o.stations} persistent connections over ${processes} processes is more than ${SOCKETS_PER_PROCESS} sockets a process: use --processes ${Math.ceil(o.stations / SOCKETS_PER_PROCESS / (o.agents?.length || 1))} or --dial`;
  if (!o.dial && !o.broker && o.stations > SOCKETS_PER_PROCESS)
    return `the embedded broker is one process and holds at most ${SOCKETS_PER_PROCESS} sockets: ${o.stations} persistent connections need --dial or an external broker`;
  if (o.sessions > SOCKETS_PER_PROCESS * processes) return `--sessions ${o.sessions} is more than ${SOCKETS_PER_PROCESS} sockets per process`;
  if (!o.broker && o.sessions > SOCKETS_PER_PROCESS)
    return `the embedded broker holds at most ${SOCKETS_PER_PROCESS} sockets; --sessions ${o.sessions} is too many`;
  if (!(o.link in LINK_PROFILES)) return `--link must be one of ${Object.keys(LINK_PROFILES).join(', ')}`;
  if (o.loss !== undefined && !(o.loss >= 0 && o.loss < 1)) return `--loss must be in [0, 1), got ${o.loss}`;
  if (o.qos !== 0 && o.qos !== 1) return `--qos must be 0 or 1`;
  if (!!o.broker !== !!o.register) return '--broker and --register go together: the tally server’s MQTT broker and its HTTP base URL';
  if (o.via && !o.broker) return '--via needs --broker: the stations dial it, the tools reach the broker itself';
  if ((o.serverPids?.length || o.brokerPid !== undefined) && !o.broker) return '--server-pids and --broker-pid measure an external server: they need --broker';
  return null;
}

/** host:port (or [v6]:port) → its parts; throws on anything else. */
export function splitHostPort(where: string, listening = false): [string, number] {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(where);
  const port = m ? Number(m[3]) : NaN;
  // Port 0 only to listen on (a free one is taken).
  if (!m || !(port >= (listening ? 0 : 1) && port < 65536)) throw new Error(`a load agent's address is host:port, got ${JSON.stringify(where)}`);
  return [m[1] ?? m[2], port];
}
