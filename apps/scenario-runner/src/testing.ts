import { loadScenario, parseScenario, Scenario } from './scenario';
import { RunReport, RunResult, runScenario, scenarioDays } from './scenario-run';

export { RunTimeoutError } from './scenario-run';
export type { GivenUpStation } from './scenario-run';
import { externalTarget } from './simulation-stack';

export interface StationsOptions {
  /** A shipped scenario's name, a scenario file, or a scenario object; kaiyndy-2021 by default. */
  scenario?: string | Scenario;
  seed?: string;
  /** Your tally server: its MQTT broker and HTTP base URL. Without it, the embedded stack. */
  broker?: string;
  register?: string;
  /** An operator's bearer token for your tally server (it registers the elections and devices). */
  operatorToken?: string;
  /** Your broker's secret (the server's BROKER_SECRET), on a secured broker: the simulated identification service logs in with it. */
  brokerSecret?: string;
  /** Virtual seconds per real second, or max (the default). */
  speed?: number | 'max';
  /** Real time closePolls() may take, in ms (10 minutes by default): past it, it fails naming the stations and messages still waited for. */
  timeoutMs?: number;
}

/** How long closePolls() waits by default: a suite's test should fail with a reason, not hang. */
const CLOSE_POLLS_TIMEOUT_MS = 600_000;

/** What the stations cast, per election: the figures to assert a tally server's results against. */
export type Truth = RunReport['truth'];

export interface SimulatedStations extends AsyncDisposable {
  /** How many polling stations there are. */
  readonly stations: number;
  /**
   * Runs the day to its end: polls close at 20:00 and every station sends until acknowledged, or is
   * given up at the scenario's transmission deadline (`report.givenUp`). Fails with a
   * RunTimeoutError past `timeoutMs` of real time.
   */
  closePolls(): Promise<RunReport>;
  /** What the simulation knows was cast (after closePolls). */
  readonly truth: Truth;
  /** The run's full report, oracle included (after closePolls). */
  readonly report: RunReport;
  /** The recorded event log (after closePolls). */
  readonly eventLog: Buffer;
  stop(): Promise<void>;
}

/**
 * Simulated polling stations for another project's tests:
 *
 *   const stations = await startStations({ broker: 'mqtt://127.0.0.1:1883', register: 'http://127.0.0.1:3000' });
 *   const report = await stations.closePolls();
 *   expect(myResults()).toEqual(stations.truth[electionId].votes);
 *
 * The elections and devices are registered with the tally server when the day runs; the same
 * scenario and seed give the same messages, byte for byte.
 */
export async function startStations(options: StationsOptions = {}): Promise<SimulatedStations> {
  const scenario = typeof options.scenario === 'object' ? parseScenario(options.scenario, 'scenario') : loadScenario(options.scenario ?? 'kaiyndy-2021');
  const target = externalTarget(options.broker, options.register, options.operatorToken, options.brokerSecret);
  let result: RunResult | null = null;
  let running: Promise<RunResult> | null = null;
  const done = () => {
    if (!result) throw new Error('the polls are not closed yet: await closePolls() first');
    return result;
  };
  const days = scenarioDays(scenario, options.seed ?? scenario.seed);
  const stations = days.reduce((n, d) => n + d.boxes.length, 0);
  const handle: SimulatedStations = {
    stations,
    async closePolls() {
      running ??= runScenario(scenario, { seed: options.seed, speed: options.speed, target, timeoutMs: options.timeoutMs ?? CLOSE_POLLS_TIMEOUT_MS }, days);
      result = await running;
      return result.report;
    },
    get truth() {
      return done().report.truth;
    },
    get report() {
      return done().report;
    },
    get eventLog() {
      return done().eventLog;
    },
    async stop() {
      await running?.catch(() => undefined);
    },
    [Symbol.asyncDispose]() {
      return handle.stop();
    },
  };
  return handle;
}
