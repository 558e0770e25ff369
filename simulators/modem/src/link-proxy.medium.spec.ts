import { randomBytes } from 'node:crypto';
import { connect, createServer, Server, Socket } from 'node:net';
import { AcceleratedClock, ManualClock, Random } from '@shailoo/platform';
import { LINK_PROFILES, LinkModel, LinkProfile } from './link-model';
import { LinkProxy } from './link-proxy';

// Real sockets and an in-process PostgreSQL on a 2-core machine shared with the rest of the suite: a deadline, not a speed goal.
jest.setTimeout(30_000);

/** Told of every chunk the echo server receives. */
let echoed: (bytes: number) => void = () => undefined;

/** A server that sends back whatever it receives. */
async function echoServer(): Promise<Server> {
  const server = createServer((s) => {
    s.on('data', (c: Buffer) => echoed(c.length));
    s.pipe(s).on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return server;
}

const portOf = (s: Server) => (s.address() as { port: number }).port;

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with everything the socket receives until `length` bytes came. */
function receive(socket: Socket, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let got = 0;
  return new Promise((resolve) => {
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      got += c.length;
      if (got >= length) resolve(Buffer.concat(chunks));
    });
  });
}

/** Resolves once the socket is closed, with whether it ended by an error (a reset). */
const closed = (socket: Socket) => new Promise<boolean>((resolve) => socket.once('close', (hadError) => resolve(hadError)));

const until = async (probe: () => boolean) => {
  while (!probe()) await new Promise((r) => setTimeout(r, 5));
};

describe('LinkProxy', () => {
  let echo: Server;
  let proxy: LinkProxy | null = null;

  beforeAll(async () => {
    echo = await echoServer();
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = null;
  });
  afterAll(() => new Promise<void>((r) => echo.close(() => r())));

  const start = async (clock: ManualClock | AcceleratedClock, profile: LinkProfile, outages = [] as { fromMs: number; toMs: number }[]) =>
    (proxy = await LinkProxy.start({
      target: { host: '127.0.0.1', port: portOf(echo) },
      clock,
      link: (n) => new LinkModel(profile, Random.stream('proxy-spec', `c${n}`), outages),
    }));

  it('delivers every byte intact and in order through 30% segment loss, retransmitting as TCP does', async () => {
    const p = await start(new AcceleratedClock(0, 200), { ...LINK_PROFILES['2g'], bandwidthBps: 2_000_000, lossRate: 0.3 });
    const socket = await dial(p.port);
    const sent = randomBytes(300_000);
    const back = receive(socket, sent.length);
    for (let i = 0; i < sent.length; i += 7_000) socket.write(sent.subarray(i, i + 7_000));
    expect((await back).equals(sent)).toBe(true);
    // 300 kB each way in 1,400-byte segments: ~430 segments, about 30% of their transmissions lost.
    expect(p.stats.segments).toBeGreaterThan(400);
    expect(p.stats.lost / (p.stats.segments + p.stats.lost)).toBeGreaterThan(0.2);
    expect(p.stats.lost / (p.stats.segments + p.stats.lost)).toBeLessThan(0.4);
    expect(p.stats.reset).toBe(0);
    socket.destroy();
  });

  it('holds each segment for the link’s latency and serializes it at the link’s bandwidth, in order', async () => {
    const clock = new ManualClock(0);
    // 80,000 bit/s: a full 1,400-byte segment is 140 ms on the air; 500 ms of latency each way.
    const p = await start(clock, { name: 'slow', latencyMs: [500, 500], bandwidthBps: 80_000, lossRate: 0 });
    const atEcho: { at: number; bytes: number }[] = [];
    echoed = (bytes) => atEcho.push({ at: clock.now(), bytes });
    const socket = await dial(p.port);
    const sent = randomBytes(3000);
    const back = receive(socket, sent.length).then((b) => ({ b, at: clock.now() }));
    socket.write(sent);
    await until(() => p.stats.segments >= 3);
    // Virtual time a millisecond per real one: the loopback hops fit between steps.
    const { b, at } = await clock.runUntil(back, 1, 10_000, 1);
    expect(b.equals(sent)).toBe(true);
    // Up: 1,400 bytes arrive at 140 + 500 = 640 ms; the next 1,400 wait for the radio: 280 + 500 = 780;
    // the last 200 bytes 280 + 20 + 500 = 800. Down again from there: everything back at 1,440 ms.
    expect(atEcho[0].at).toBeGreaterThanOrEqual(640);
    expect(atEcho[0].at).toBeLessThan(700);
    expect(atEcho.at(-1)!.at).toBeGreaterThanOrEqual(800);
    expect(atEcho.at(-1)!.at).toBeLessThan(860);
    expect(at).toBeGreaterThanOrEqual(1440);
    expect(at).toBeLessThan(1520);
    socket.destroy();
  });

  it('delivers what a station sent before it hung up, then hangs up on the broker', async () => {
    const clock = new ManualClock(0);
    const p = await start(clock, { name: 'slow', latencyMs: [300, 300], bandwidthBps: Infinity, lossRate: 0 });
    let got = 0;
    echoed = (bytes) => (got += bytes);
    const socket = await dial(p.port);
    socket.on('error', () => undefined);
    socket.end('bye');
    const allClosed = new Promise<void>((resolve) => {
      const timer = setInterval(() => got === 3 && p.connections === 0 && (clearInterval(timer), resolve()), 5);
    });
    await clock.runUntil(allClosed, 1, 10_000, 1);
    expect(got).toBe(3);
    expect(clock.now()).toBeGreaterThanOrEqual(300);
  });

  it('cuts the connections open when an outage begins, refuses new ones during it, and carries them again after', async () => {
    const clock = new ManualClock(0);
    const p = await start(clock, LINK_PROFILES.ideal, [{ fromMs: 1000, toMs: 2000 }]);
    const before = await dial(p.port);
    await until(() => p.connections === 1);
    const cut = closed(before);
    before.on('error', () => undefined);
    clock.advance(1000);
    expect(await cut).toBe(true);
    expect(p.stats.cut).toBe(1);

    const during = connect({ port: p.port, host: '127.0.0.1' });
    during.on('error', () => undefined);
    await closed(during);
    expect(p.stats.refused).toBe(1);

    clock.advance(1000);
    const after = await dial(p.port);
    const back = receive(after, 5);
    after.write('hello');
    expect((await clock.runUntil(back, 1, 10_000, 1)).toString()).toBe('hello');
    expect(p.stats.connections).toBe(2);
    after.destroy();
  });
});
