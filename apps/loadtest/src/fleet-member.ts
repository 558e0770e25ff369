import { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { connect, Socket } from 'node:net';
import { deserialize, serialize } from 'node:v8';
import { FromFleet, ToFleet, wallMs } from './fleet-protocol';
import { splitHostPort } from './options';

/**
 * One station process of the fleet, wherever it runs: a child of this process (IPC) or one behind a
 * load agent on another machine (TCP). It takes ToFleet messages and emits `message` with each
 * FromFleet, and `exit` once with why it ended.
 */
export interface FleetMember extends EventEmitter {
  /** Where it runs: `local`, or the agent's host:port. */
  readonly where: string;
  /** Its wall clock minus this process's, in ms (0 for a local child; measured for an agent's). */
  readonly offsetMs: number;
  /** Why it ended, once it has (null while it runs). */
  readonly ended: string | null;
  send(m: ToFleet): void;
  /** Ends it; `why` is what it is reported to have ended of. */
  kill(why?: string): void;
}

/** A station process forked here. */
export class LocalMember extends EventEmitter implements FleetMember {
  readonly where = 'local';
  readonly offsetMs = 0;
  ended: string | null = null;

  constructor(private readonly child: ChildProcess) {
    super();
    child.on('message', (m: FromFleet) => this.emit('message', m));
    child.once('exit', (code, signal) => {
      this.ended = this.killedFor ?? `exited with ${code ?? signal}`;
      this.emit('exit', this.ended);
    });
  }

  private killedFor: string | null = null;

  send(m: ToFleet): void {
    if (this.ended === null) this.child.send(m);
  }

  kill(why?: string): void {
    this.killedFor ??= why ?? null;
    this.child.kill();
  }
}

/** The largest frame taken: a process's registrations or acknowledgements are a few MB at most. */
const MAX_FRAME = 256 * 2 ** 20;

/**
 * Frames on a TCP stream: a 4-byte length, then the message in V8's serialization (what Node's
 * `advanced` IPC uses: typed arrays and Buffers cross as they are).
 */
export class Frames extends EventEmitter {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly socket: Socket) {
    super();
    socket.on('data', (chunk: Buffer) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      while (this.pending.length >= 4) {
        const length = this.pending.readUInt32BE(0);
        if (length > MAX_FRAME) {
          socket.destroy(new Error(`a frame of ${length} bytes (at most ${MAX_FRAME})`));
          return;
        }
        if (this.pending.length < 4 + length) break;
        const frame = this.pending.subarray(4, 4 + length);
        this.pending = this.pending.subarray(4 + length);
        let message: unknown;
        try {
          message = deserialize(frame);
        } catch {
          socket.destroy(new Error('a frame that is not a message'));
          return;
        }
        this.emit('message', message);
      }
    });
  }

  send(message: unknown): void {
    const body = serialize(message);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    this.socket.write(Buffer.concat([head, body]));
  }
}

/** How long a connection or a clock exchange may take. */
const ANSWER_MS = 10_000;

/** What an agent answers besides the fleet's messages: its clock, for the offset. */
export type AgentClock = { type: 'clock'; sent: number; agentNow: number };

/** A station process behind a load agent (`shailoo-sim loadtest agent --listen`), over one TCP connection of its own. */
export class RemoteMember extends EventEmitter implements FleetMember {
  ended: string | null = null;
  offsetMs = 0;

  private constructor(
    readonly where: string,
    private readonly socket: Socket,
    private readonly frames: Frames,
  ) {
    super();
    frames.on('message', (m: FromFleet | AgentClock) => {
      if (m.type !== 'clock') this.emit('message', m);
    });
    socket.on('error', (err) => this.end(err.message));
    socket.on('close', () => this.end('its connection closed'));
  }

  private end(why: string): void {
    if (this.ended !== null) return;
    this.ended = why;
    this.emit('exit', why);
  }

  /**
   * Connects to the agent at host:port, which forks a station process for this connection, and
   * measures the agent's clock. An agent not up yet (refused, or its name not resolving yet, as a
   * Job's pods at first) is tried again every second for `waitMs`.
   */
  static async connect(where: string, waitMs = 60_000): Promise<RemoteMember> {
    const [host, port] = splitHostPort(where);
    const until = Date.now() + waitMs;
    for (;;) {
      const socket = connect({ host, port });
      socket.setNoDelay(true);
      // A load machine that vanishes without a reset (a partition, an evicted node) is noticed.
      socket.setKeepAlive(true, 5_000);
      const problem = await new Promise<Error | null>((resolve) => {
        const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${ANSWER_MS} ms`)), ANSWER_MS);
        socket.once('connect', () => (clearTimeout(timer), resolve(null)));
        socket.once('error', (err) => (clearTimeout(timer), resolve(err)));
      });
      if (!problem) {
        const member = new RemoteMember(where, socket, new Frames(socket));
        try {
          member.offsetMs = await member.measureOffset();
        } catch (err) {
          member.kill();
          throw err;
        }
        return member;
      }
      const code = (problem as NodeJS.ErrnoException).code ?? '';
      if (!['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) || Date.now() + 1000 > until) throw new Error(`load agent ${where}: ${problem.message}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  send(m: ToFleet): void {
    if (this.ended === null) this.frames.send(m);
  }

  kill(why?: string): void {
    if (why) this.end(why);
    this.socket.destroy();
  }

  /** The agent's clock minus ours, from the exchange of five with the shortest round trip (as NTP does). */
  private async measureOffset(): Promise<number> {
    let best = { rtt: Infinity, offset: 0 };
    for (let i = 0; i < 5; i++) {
      const answer = new Promise<AgentClock>((resolve, reject) => {
        const done = () => (this.frames.off('message', fn), this.off('exit', gone), clearTimeout(timer));
        const fn = (m: AgentClock) => m.type === 'clock' && (done(), resolve(m));
        const gone = (why: string) => (done(), reject(new Error(`load agent ${this.where}: ${why}`)));
        const timer = setTimeout(() => gone(`no answer to the clock exchange within ${ANSWER_MS} ms`), ANSWER_MS);
        this.frames.on('message', fn);
        this.once('exit', gone);
      });
      const sent = wallMs();
      this.frames.send({ type: 'clock', sent });
      const { agentNow } = await answer;
      const back = wallMs();
      if (back - sent < best.rtt) best = { rtt: back - sent, offset: agentNow - (sent + back) / 2 };
    }
    return best.offset;
  }
}
