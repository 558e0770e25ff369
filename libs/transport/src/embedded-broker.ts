import { ChildProcess, spawn } from 'node:child_process';
import { processCpuMs } from '@shailoo/platform';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { BrokerLimits, BrokerRefusal, DEFAULT_BROKER_LIMITS } from './broker-access';
import type { BrokerRunnerSettings } from './broker-runner';

type Runner = Worker | ChildProcess;

/**
 * How one of this project's modules runs on a thread or in a process of its own: its compiled
 * JavaScript from dist, or its TypeScript source through ts-node in tests — resolved from here and
 * with the project's tsconfig, whatever the working directory.
 */
export function moduleRunner(dir: string, name: string): { file: string; execArgv: string[] } {
  if (!__filename.endsWith('.ts')) return { file: join(dir, `${name}.js`), execArgv: [] };
  process.env.TS_NODE_PROJECT ??= join(__dirname, '..', '..', '..', 'tsconfig.json');
  return {
    file: join(dir, `${name}.ts`),
    execArgv: ['-r', require.resolve('ts-node/register/transpile-only'), '-r', require.resolve('tsconfig-paths/register')],
  };
}

/** The broker's own module (broker-runner.ts). */
const RUNNER = moduleRunner(__dirname, 'broker-runner');

/** SHAILOO_CPU_PROF=DIR: child processes write a CPU profile there (NODE_OPTIONS may not carry --cpu-prof). */
export function profiling(): string[] {
  const dir = process.env.SHAILOO_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** The embedded MQTT 3.1.1 broker (aedes) on a TCP port, on its own thread or in a child process; port 0 takes a free one. */
export class EmbeddedBroker {
  private constructor(
    private readonly runner: Runner,
    readonly port: number,
    private readonly host: string,
    private readonly tls: boolean,
  ) {}

  /**
   * `secured`: clients are held to the rules of `BrokerAccess` — until `secure(secret)`
   * gives the broker its secret, only anonymous clients (which may only read published results) get in.
   * `limits` (secured only) default to DEFAULT_BROKER_LIMITS; with `tls` (PEM key and certificate) it speaks mqtts only.
   */
  static start(
    port = 0,
    host = '127.0.0.1',
    options: {
      childProcess?: boolean;
      secured?: boolean;
      limits?: Partial<BrokerLimits>;
      tls?: { key: string; cert: string };
      /** How long a new connection may take to send its CONNECT before it is closed (aedes's 30 s by default). */
      connectTimeoutMs?: number;
      /** The largest MQTT packet anyone may send, checked at its fixed header (Mosquitto's max_packet_size; 1 MiB by default). */
      maxPacketBytes?: number;
    } = {},
  ): Promise<EmbeddedBroker> {
    const limits = { ...DEFAULT_BROKER_LIMITS, ...options.limits };
    const data: BrokerRunnerSettings = {
      port,
      host,
      secured: !!options.secured,
      limits,
      tls: options.tls ?? null,
      connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
      maxPacket: options.maxPacketBytes ?? 1024 * 1024,
    };
    const runner: Runner = options.childProcess
      ? spawn(process.execPath, [...RUNNER.execArgv, ...profiling(), RUNNER.file, JSON.stringify(data)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      : new Worker(RUNNER.file, { workerData: data, execArgv: RUNNER.execArgv });
    return new Promise((resolve, reject) => {
      runner.once('error', reject);
      runner.once('message', (m: { type: string; port?: number; message?: string }) => {
        if (m.type === 'listening') resolve(new EmbeddedBroker(runner, m.port!, host, !!options.tls));
        else {
          EmbeddedBroker.end(runner);
          reject(new Error(`embedded broker: ${m.message}`));
        }
      });
    });
  }

  private static end(runner: Runner): void {
    if (runner instanceof Worker) void runner.terminate();
    else runner.kill();
  }

  /** Gives a secured broker its secret (sent over the IPC channel, never on a command line). */
  secure(secret: string): void {
    this.send({ type: 'secret', secret });
  }

  /** What the broker refused so far, by reason: broken or oversized packets and slow CONNECTs always, the access rules' refusals when secured. */
  refusals(): Promise<Partial<Record<BrokerRefusal, number>>> {
    return new Promise((resolve) => {
      const on = (m: { type: string; refusals?: Record<string, number> }) => {
        if (m.type !== 'refusals') return;
        this.runner.off('message', on);
        resolve(m.refusals!);
      };
      this.runner.on('message', on);
      this.send({ type: 'refusals' });
    });
  }

  private send(message: unknown): void {
    if (this.runner instanceof Worker) this.runner.postMessage(message);
    else this.runner.send(message as object);
  }

  /** CPU time the broker has used so far, in ms (a child process on Linux; null otherwise). */
  cpuMs(): number | null {
    return this.runner instanceof ChildProcess && this.runner.pid ? processCpuMs(this.runner.pid) : null;
  }

  get url(): string {
    return `${this.tls ? 'mqtts' : 'mqtt'}://${this.host === '0.0.0.0' ? '127.0.0.1' : this.host}:${this.port}`;
  }

  /** Closes the broker; clients still connected after `graceMs` are cut off (a listener waits for every socket otherwise). */
  async close(graceMs = 2000): Promise<void> {
    const { runner } = this;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      runner.once('message', () => resolve());
      runner.once('exit', () => resolve());
      timer = setTimeout(resolve, graceMs);
      if (runner instanceof Worker) runner.postMessage('close');
      else runner.send('close');
    });
    clearTimeout(timer);
    EmbeddedBroker.end(runner);
  }
}
