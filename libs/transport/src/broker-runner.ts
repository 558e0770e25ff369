/**
 * aedes and its TCP listener, run on a worker thread or in a child process (EmbeddedBroker starts
 * this module). On a thread the broker's parsing and routing no longer share an event loop with the
 * tally server that consumes its messages; in a child process its sockets no longer count against
 * the parent's open-file limit (~20,000 here), which a whole country's stations would exceed.
 */
import { createServer as createTcpServer, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createBroker } from 'aedes';
import { BrokerAccess, BrokerLimits, BrokerRefusal } from './broker-access';
import { PacketSizeGuard } from './packet-guard';

/** What EmbeddedBroker hands the runner. */
export interface BrokerRunnerSettings {
  port: number;
  host: string;
  secured: boolean;
  limits: BrokerLimits;
  tls: { key: string; cert: string } | null;
  connectTimeoutMs: number;
  maxPacket: number;
}

/** The runner's channel to the process that started it: the worker's port, or the child's IPC. */
interface Channel {
  send(message: unknown): void;
  on(fn: (message: unknown) => void): void;
}

function channel(): { settings: BrokerRunnerSettings; parent: Channel } {
  if (!isMainThread) return { settings: workerData, parent: { send: (m) => parentPort!.postMessage(m), on: (fn) => void parentPort!.on('message', fn) } };
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  return { settings: JSON.parse(process.argv[2]), parent: { send: (m) => process.send!(m as object), on: (fn) => void process.on('message', fn) } };
}

type Connection = Socket & { counted?: boolean };

function run(): void {
  const { settings, parent } = channel();
  // concurrency: how many deliveries aedes keeps in flight; its default of 100 stalls bursts.
  const broker = createBroker({ concurrency: 1000, connectTimeout: settings.connectTimeoutMs });
  // aedes announces every connection, subscription and disconnection on $SYS/<id>/… through its
  // whole publish pipeline — three publishes for each modem's dial — and nothing reads them here (one
  // broker, no cluster; no client may publish there). Its heartbeat and birth stay: aedes itself
  // reads them to know which brokers are alive before it sends their clients' wills.
  const publish = broker.publish.bind(broker) as (...args: unknown[]) => void;
  const unread = /^\$SYS\/[^/]+\/(new\/clients|disconnect\/clients|new\/subscribes|new\/unsubscribes)$/;
  // publish(packet, done) of its own, publish(packet, client, done) of a client's.
  broker.publish = ((packet: { topic: string }, ...rest: unknown[]) => {
    if (!unread.test(packet.topic)) return publish(packet, ...rest);
    const done = rest.at(-1);
    if (typeof done === 'function') setImmediate(done as () => void);
  }) as typeof broker.publish;
  const refusals: Partial<Record<BrokerRefusal, number>> = {};
  const refuse = (why: BrokerRefusal) => (refusals[why] = (refusals[why] ?? 0) + 1);
  // What aedes reports of a connection it closed: a packet it could not parse, a CONNECT that never
  // came (a slowloris), more than 42 packets sent before the CONNACK, or a socket that failed (not a refusal).
  const onBrokenClient = (client: { conn?: Connection } | null, err: (Error & { refusal?: string; code?: string }) | null) => {
    const message = String(err?.message ?? '');
    // Counted once already: by the size guard, as the access rules' refusal, or for an earlier error
    // of the same client (the parser goes on through the rest of a broken buffer).
    if (client?.conn?.counted || err?.refusal) return;
    if (client?.conn) client.conn.counted = true;
    if (/connect did not arrive/.test(message)) refuse('connect-timeout');
    else if (/queue limit/.test(message)) refuse('queue-limit');
    else if (!err?.code && !/ECONNRESET|EPIPE|write after end/.test(message)) refuse('malformed-packet');
  };
  broker.on('connectionError', onBrokenClient as never);
  broker.on('clientError', onBrokenClient as never);
  // A packet that declares more than the largest is refused at its fixed header, before aedes buffers it.
  const accept = (socket: Connection) => {
    const guard = new PacketSizeGuard(settings.maxPacket);
    socket.on('data', (chunk: Buffer) => {
      if (socket.counted || guard.accepts(chunk)) return;
      refuse('packet-too-large');
      socket.counted = true;
      socket.destroy();
    });
    broker.handle(socket);
  };
  const server = settings.tls
    ? createTlsServer({ noDelay: true, key: settings.tls.key, cert: settings.tls.cert }, accept)
    : createTcpServer({ noDelay: true }, accept);
  server.once('error', (err) => parent.send({ type: 'error', message: err.message }));
  // A backlog of 4,096 (the kernel's somaxconn here): thousands of modems dialing at once would
  // otherwise overflow the default 511 and wait out SYN retransmissions (1, 3, 7, 15 s…).
  server.listen({ port: settings.port, host: settings.host, backlog: 4096 }, () => {
    const address = server.address();
    parent.send({ type: 'listening', port: typeof address === 'object' && address ? address.port : settings.port });
  });
  const secure = settings.secured ? BrokerAccess.install(broker, refuse, settings.limits) : null;
  parent.on((m) => {
    const message = m as { type?: string; secret?: string } | string;
    if (typeof message === 'object' && message?.type === 'secret') secure?.(message.secret!);
    else if (typeof message === 'object' && message?.type === 'refusals') parent.send({ type: 'refusals', refusals });
    else broker.close(() => server.close(() => parent.send({ type: 'closed' })));
  });
}

run();
