import { ChildProcess } from 'node:child_process';
import { AddressInfo, createServer, Socket } from 'node:net';
import { forkSibling } from './child';
import { AgentClock, Frames } from './fleet-member';
import { FromFleet, ToFleet, wallMs } from './fleet-protocol';
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
 * opens gets a station process of its own, forked here, and the connection carries that process's
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
    const frames = new Frames(socket);
    const child = forkSibling('fleet-process');
    children.add(child);
    const from = `${socket.remoteAddress}:${socket.remotePort}`;
    log(JSON.stringify({ event: 'station-process', pid: child.pid, coordinator: from }));
    frames.on('message', (m: ToFleet | Omit<AgentClock, 'agentNow'>) => {
      if (m.type === 'clock') frames.send({ ...m, agentNow: wallMs() } satisfies AgentClock);
      else if (child.connected) child.send(m);
    });
    child.on('message', (m: FromFleet) => frames.send(m));
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (children.size === 0) idle();
      log(JSON.stringify({ event: 'station-process-ended', pid: child.pid, code: code ?? signal }));
      socket.end();
    });
    socket.on('error', () => undefined);
    socket.once('close', () => child.exitCode === null && child.kill());
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
