import { ChildProcess } from 'node:child_process';
import { AddressInfo, createServer, Socket } from 'node:net';
import { forkSibling } from './child';
import { AgentClock, Frames } from './fleet-member';
import { FromFleet, ToFleet } from './fleet-protocol';
import { splitHostPort } from './options';

export interface LoadAgent {
  /** host:port it listens on (the port chosen when 0 was asked). */
  address: string;
  /** Station processes running now (one per coordinator connection). */
  running(): number;
  /** Resolves when a run is over: processes ran, and the last of them has ended. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A load agent (`shailoo-sim loadtest agent --listen host:port`): on a load machine, it runs station
 * processes for a coordinator elsewhere (`loadtest --agents`). Each TCP connection the coordinator
 * opens gets a station process of its own, forked here at its first message, and the connection carries that process's
 * messages both ways (frames of V8's serialization); the agent itself answers only the clock
 * exchange that measures its offset. A connection that closes ends its process, and a process that
 * ends closes its connection: the coordinator sees the stations it held as lost with it.
 */
export async function startAgent(listen: string, log: (line: string) => void = () => undefined): Promise<LoadAgent> {
  const [host, port] = splitHostPort(listen, true);
  const children = new Set<ChildProcess>();
  let idle: () => void = () => undefined;
  const wentIdle = new Promise<void>((resolve) => (idle = resolve));
  const server = createServer((socket) => serve(socket));
  function serve(socket: Socket): void {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 5_000);
    const frames = new Frames(socket);
    const from = `${socket.remoteAddress}:${socket.remotePort}`;
    // Forked at the coordinator's first message, not at the connection: a probe or a stray client costs no process.
    let child: ChildProcess | null = null;
    const start = (): ChildProcess => {
      const c = forkSibling('fleet-process');
      children.add(c);
      log(JSON.stringify({ event: 'station-process', pid: c.pid, coordinator: from }));
      c.on('message', (m: FromFleet) => frames.send(m));
      c.once('exit', (code, signal) => {
        children.delete(c);
        // A run is over when the last of its processes ends.
        if (children.size === 0) idle();
        log(JSON.stringify({ event: 'station-process-ended', pid: c.pid, code: code ?? signal }));
        socket.end();
      });
      return c;
    };
    frames.on('message', (m: ToFleet | Omit<AgentClock, 'agentNow'>) => {
      // The wall clock as it is now (a station process started later reads the same).
      if (m.type === 'clock') return frames.send({ ...m, agentNow: Date.now() } satisfies AgentClock);
      child ??= start();
      if (child.connected) child.send(m);
    });
    socket.on('error', () => undefined);
    socket.once('close', () => child?.exitCode === null && child.kill());
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    address: `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    running: () => children.size,
    idle: () => wentIdle,
    close: async () => {
      for (const c of children) c.kill();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
