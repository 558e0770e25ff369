import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { BrokerLimits, BrokerRefusal, DEFAULT_BROKER_LIMITS, installBrokerAccess } from './broker-access';

// aedes and its TCP listener, run on a worker thread: the broker's parsing and routing then no
// longer share an event loop with the tally server that consumes its messages. In a child process
// instead, its sockets no longer count against this process's open-file limit (~20,000 here),
// which a whole country's stations would exceed.
const IN_WORKER = `const { parentPort, workerData } = require('node:worker_threads');`;
const IN_CHILD = `const parentPort = { postMessage: (m) => process.send(m), on: (e, fn) => process.on(e, fn) };
const workerData = JSON.parse(process.argv[1]);
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));`;
const BROKER_SOURCE = `
const { createBroker } = require(workerData.aedes);
const net = require('node:net');
// concurrency: how many deliveries aedes keeps in flight; its default of 100 stalls bursts.
const broker = createBroker({ concurrency: 1000, connectTimeout: workerData.connectTimeoutMs });
const refusals = {};
const refuse = (why) => (refusals[why] = (refusals[why] || 0) + 1);
// What aedes reports of a connection it closed: a packet it could not parse, a CONNECT that never
// came (a slowloris), more than 42 packets sent before the CONNACK, or a socket that failed (not a refusal).
const onBrokenClient = (client, err) => {
  const message = String((err && err.message) || '');
  // Counted once already: by the guard below, as the access rules' refusal, or for an earlier error
  // of the same client (the parser goes on through the rest of a broken buffer).
  if ((client && client.conn && client.conn.counted) || (err && err.refusal)) return;
  if (client && client.conn) client.conn.counted = true;
  if (/connect did not arrive/.test(message)) refuse('connect-timeout');
  else if (/queue limit/.test(message)) refuse('queue-limit');
  else if (!(err && err.code) && !/ECONNRESET|EPIPE|write after end/.test(message)) refuse('malformed-packet');
};
broker.on('connectionError', onBrokenClient);
broker.on('clientError', onBrokenClient);
// Mosquitto's max_packet_size: a packet that declares more than this is refused at its fixed
// header, before aedes buffers it. The header is read off the same chunks aedes parses.
const guard = (socket) => {
  let need = 0; // bytes of the current packet's body still to skip
  let length = -1; // the remaining length read so far, or -1 between packets
  let scale = 1; // the weight of its next byte (a varint of up to 4 bytes, 7 bits each)
  socket.on('data', (chunk) => {
    for (let i = 0; i < chunk.length; ) {
      if (need > 0) {
        const skip = Math.min(need, chunk.length - i);
        need -= skip;
        i += skip;
      } else if (length < 0) {
        length = 0;
        scale = 1;
        i++;
      } else {
        const byte = chunk[i++];
        length += (byte & 0x7f) * scale;
        scale *= 128;
        if (byte & 0x80 && scale < 128 ** 4) continue;
        need = length;
        length = -1;
        if (need > workerData.maxPacket) {
          refuse('packet-too-large');
          socket.counted = true;
          return socket.destroy();
        }
      }
    }
  });
  broker.handle(socket);
};
const server = workerData.tls
  ? require('node:tls').createServer({ noDelay: true, key: workerData.tls.key, cert: workerData.tls.cert }, guard)
  : net.createServer({ noDelay: true }, guard);
server.once('error', (err) => parentPort.postMessage({ type: 'error', message: err.message }));
// A backlog of 4,096 (the kernel's somaxconn here): thousands of modems dialing at once would
// otherwise overflow the default 511 and wait out SYN retransmissions (1, 3, 7, 15 s…).
server.listen({ port: workerData.port, host: workerData.host, backlog: 4096 }, () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
const secure = workerData.secured ? ACCESS(broker, require('node:crypto'), refuse, workerData.limits) : null;
parentPort.on('message', (m) => {
  if (m && m.type === 'secret') secure && secure(m.secret);
  else if (m && m.type === 'refusals') parentPort.postMessage({ type: 'refusals', refusals });
  else broker.close(() => server.close(() => parentPort.postMessage({ type: 'closed' })));
});`;

type Runner = Worker | ChildProcess;

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
   * `secured`: clients are held to the rules of `installBrokerAccess` — until `secure(secret)`
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
    const data = {
      aedes: require.resolve('aedes'),
      port,
      host,
      secured: !!options.secured,
      limits,
      tls: options.tls ?? null,
      connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
      maxPacket: options.maxPacketBytes ?? 1024 * 1024,
    };
    const source = `const ACCESS = ${installBrokerAccess.toString()};\n${BROKER_SOURCE}`;
    const runner: Runner = options.childProcess
      ? spawn(process.execPath, [...profiling(), '-e', IN_CHILD + source, JSON.stringify(data)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      : new Worker(IN_WORKER + source, { eval: true, workerData: data });
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
    if (!(this.runner instanceof ChildProcess) || !this.runner.pid) return null;
    try {
      const fields = readFileSync(`/proc/${this.runner.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
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
