import { randomBytes } from 'node:crypto';
import { connect, Socket } from 'node:net';
import { generate, Packet } from 'mqtt-packet';
import { DeviceIds, deviceRegistration, metricByLabel, Topics, v1 } from '@shailoo/contracts';
import { transmit } from '@shailoo/modem';
import { DeviceKey, Random, SystemClock } from '@shailoo/platform';
import { syntheticElection } from '@shailoo/scenario';
import { TallyStack } from '@shailoo/tally-server';
import { BrokerRefusal, connectMqtt, deviceBrokerUrl } from '@shailoo/transport';

/** How much of each kind of garbage to send at a broker. */
export interface GarbagePlan {
  /** Connections sending crafted broken packets (reserved packet types, a wrong protocol name, QoS 3, SUBSCRIBE before CONNECT). */
  malformed: number;
  /** Connections sending random bytes (never a CONNECT). */
  random: number;
  /** Packets declaring more than the broker's largest (before and after a CONNECT). */
  oversizedPackets: number;
  /** Publishes of 100 KiB by a device on its own topic (over its payload limit, within the packet limit). */
  oversizedPayloads: number;
  /** A device's burst of this many publishes on its own topic, at once (over its rate limit). */
  flood: number;
  /** Anonymous publishes, each on a topic of its own (a topic flood). */
  anonymousPublishes: number;
  /** Subscriptions to everything (`#`, the uplink) by an anonymous client. */
  wildSubscriptions: number;
  /** Logins with a wrong password. */
  badPasswords: number;
  /** Slowloris connections: a CONNECT a byte at a time, never finished. */
  slowloris: number;
  seed: string;
}

/**
 * The refusals a broker held to the project's rules must count for the plan: exactly, where each
 * attempt is one refusal of its own reason; at least, where one connection may be refused more
 * than once or a reason shared. The broken connections (crafted, random, oversized, slowloris) each
 * end in one of malformed-packet, packet-too-large or connect-timeout — random bytes almost always
 * (a random DISCONNECT is a clean goodbye): `broken` bounds their sum.
 */
export function expectedRefusals(plan: GarbagePlan): {
  exactly: Partial<Record<BrokerRefusal, number>>;
  atLeast: Partial<Record<BrokerRefusal, number>>;
  broken: { min: number; max: number };
} {
  const certain = plan.malformed + plan.oversizedPackets + plan.slowloris;
  return {
    exactly: {
      'payload-too-large': plan.oversizedPayloads,
      'bad-credentials': plan.badPasswords,
      'subscribe-not-allowed': plan.wildSubscriptions,
      'publish-not-allowed': plan.anonymousPublishes,
    },
    atLeast: {
      'malformed-packet': plan.malformed,
      'packet-too-large': plan.oversizedPackets,
      'rate-limited': plan.flood > 100 ? 1 : 0,
      'connect-timeout': plan.slowloris,
    },
    broken: { min: certain + Math.floor(plan.random * 0.9), max: certain + plan.random },
  };
}

const packet = (p: Partial<Packet> & { cmd: Packet['cmd'] }) => generate(p as Packet);
const connectPacket = (clientId: string, username?: string, password?: string) =>
  packet({
    cmd: 'connect',
    protocolId: 'MQTT',
    protocolVersion: 4,
    clean: true,
    keepalive: 60,
    clientId,
    username,
    password: password ? Buffer.from(password) : undefined,
  });

/**
 * A raw TCP connection that writes `chunks` (one every `gapMs`) and resolves when the broker closes
 * it — or after `patienceMs`, then closing it itself — with what came back and whether the broker closed it.
 */
function rawSession(
  port: number,
  chunks: Buffer[],
  gapMs = 0,
  patienceMs = 10_000,
  waitForConnack = false,
): Promise<{ closedByBroker: boolean; received: Buffer }> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    let timer: NodeJS.Timeout | null = null;
    const done = (closedByBroker: boolean) => {
      if (timer) clearTimeout(timer);
      socket.destroy();
      resolve({ closedByBroker, received: Buffer.concat(received) });
    };
    let i = 0;
    const next = () => {
      if (socket.destroyed || i >= chunks.length) return;
      socket.write(chunks[i++]);
      if (waitForConnack && i === 1) return;
      if (gapMs) setTimeout(next, gapMs);
      else next();
    };
    socket.on('data', (d) => {
      received.push(d);
      if (waitForConnack && i === 1) next();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(true));
    socket.on('connect', () => {
      next();
      timer = setTimeout(() => {
        socket.removeAllListeners('close');
        done(false);
      }, patienceMs);
    });
  });
}

/** What was sent, and how many of those connections the broker closed itself. */
export interface GarbageOutcome {
  connections: number;
  closedByBroker: number;
  /** SUBACKs that granted a wild subscription (must be none). */
  wildGranted: number;
}

/**
 * Sends MQTT-level garbage at a broker: broken and random packets, oversized packets and payloads,
 * a device's flood, an anonymous topic flood, wild subscriptions, wrong passwords and slowloris
 * connections, all at once. The attacker holds the credentials of two registered devices of
 * `electionId`: `device` for the oversized packets and payloads (the broker refuses each, so none
 * reaches the tally server) and `flooder` for the flood (what passes the broker's rate limit reaches
 * the tally server, which rejects it and bans the device). Sessions wait for the broker to close
 * them, up to its connect timeout and then some.
 */
export async function sendBrokerGarbage(
  port: number,
  electionId: string,
  device: { id: string; password: string },
  flooder: { id: string; password: string },
  plan: GarbagePlan,
  connectTimeoutMs: number,
  concurrency = 500,
): Promise<GarbageOutcome> {
  const attack: Attack = { port, electionId, device, flooder, plan, connectTimeoutMs, rng: new Random(plan.seed), patience: connectTimeoutMs + 5000 };
  const tasks = [...packetGarbage(attack), ...deviceGarbage(attack), ...anonymousGarbage(attack)];
  const wild = plan.wildSubscriptions ? wildSubscriptions(attack) : null;
  tasks.push(...loginGarbage(attack));
  const ended = await interleaved(tasks, concurrency, attack.rng);
  const wildGranted = wild ? grantedSubscriptions((await wild).received) : 0;
  return { connections: ended.length + (wild ? 1 : 0), closedByBroker: ended.filter((s) => s.closedByBroker).length, wildGranted };
}

type Session = { closedByBroker: boolean; received: Buffer };
type Task = () => Promise<Session>;

/** One garbage run's target, its plan, and the seeded source of its bytes. */
interface Attack {
  port: number;
  electionId: string;
  device: { id: string; password: string };
  flooder: { id: string; password: string };
  plan: GarbagePlan;
  connectTimeoutMs: number;
  rng: Random;
  /** How long a session waits for the broker to close it. */
  patience: number;
}

const times = (n: number, make: (i: number) => Promise<Session>): Task[] => Array.from({ length: n }, (_, i) => () => make(i));

/** Packets that are not MQTT 3.1.1: broken by hand, random bytes, and packets that declare 2 MiB. */
function packetGarbage({ port, device, plan, rng, patience }: Attack): Task[] {
  const crafted = [
    () => [Buffer.from([0x00, 0x00])],
    () => [Buffer.from(connectPacket('garbage')).fill(0x58, 4, 8)],
    () => [connectPacket('garbage-qos3'), Buffer.from([0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01])],
    () => [Buffer.from([0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x23, 0x00])],
  ];
  // A CONNECT, or a device's PUBLISH, that declares 2 MiB and starts sending it.
  const huge = (type: number) => Buffer.concat([Buffer.from([type, 0x80, 0x80, 0x80, 0x01]), Buffer.alloc(16 * 1024)]);
  return [
    ...times(plan.malformed, (i) => rawSession(port, crafted[i % crafted.length](), 0, patience)),
    // Random bytes that do not start a CONNECT: the broker closes each, one way or another.
    ...times(plan.random, () => {
      const bytes = rng.bytes(rng.int(1, 300));
      if (bytes[0] >> 4 === 1) bytes[0] ^= 0x30;
      return rawSession(port, [bytes], 0, patience);
    }),
    ...times(plan.oversizedPackets, (i) =>
      rawSession(port, i % 2 ? [huge(0x10)] : [connectPacket(`${device.id}-x${i}`, device.id, device.password), huge(0x32)], 0, patience),
    ),
  ];
}

/** A registered device's abuse: payloads over the limit, and a flood past the rate limit. */
function deviceGarbage({ port, electionId, device, flooder, plan, rng, patience }: Attack): Task[] {
  const own = Topics.uplink(electionId, device.id, 'result');
  const tasks = times(plan.oversizedPayloads, (i) =>
    rawSession(
      port,
      [
        connectPacket(`${device.id}-big${i}`, device.id, device.password),
        packet({ cmd: 'publish', topic: own, qos: 1, messageId: 1, payload: rng.bytes(100 * 1024) }),
      ],
      0,
      patience,
    ),
  );
  if (plan.flood)
    tasks.push(() =>
      rawSession(
        port,
        [
          connectPacket(`${flooder.id}-flood`, flooder.id, flooder.password),
          ...Array.from({ length: plan.flood }, () =>
            packet({ cmd: 'publish', topic: Topics.uplink(electionId, flooder.id, 'result'), qos: 0, payload: rng.bytes(rng.int(1, 200)) }),
          ),
        ],
        0,
        patience,
        true,
      ),
    );
  return tasks;
}

/** Anonymous clients publishing where only devices may. */
function anonymousGarbage({ port, electionId, plan, rng, patience }: Attack): Task[] {
  return times(plan.anonymousPublishes, (i) =>
    rawSession(
      port,
      [connectPacket(`anon-${i}`), packet({ cmd: 'publish', topic: `shailoo/v1/up/${electionId}/x${i}/result`, qos: 1, messageId: 1, payload: rng.bytes(50) })],
      0,
      patience,
    ),
  );
}

/** One anonymous connection asking for every topic (`#`, `shailoo/v1/up/#`): started at once, its SUBACKs read at the end. */
function wildSubscriptions({ port, plan }: Attack): Promise<Session> {
  const subscriptions = Array.from({ length: plan.wildSubscriptions }, (_, i) => ({ topic: i % 2 ? '#' : 'shailoo/v1/up/#', qos: 1 as const }));
  return rawSession(
    port,
    [connectPacket('anon-wild'), ...subscriptions.map((s, i) => packet({ cmd: 'subscribe', messageId: i + 1, subscriptions: [s] }))],
    0,
    1500,
    true,
  );
}

/** Wrong passwords, and slowloris: a CONNECT a byte at a time, 8 bytes per connect timeout, that never completes in time. */
function loginGarbage({ port, device, plan, connectTimeoutMs, patience }: Attack): Task[] {
  return [
    ...times(plan.badPasswords, (i) => rawSession(port, [connectPacket(`bad-${i}`, device.id, `wrong-${i}`)], 0, patience)),
    ...times(plan.slowloris, (i) =>
      rawSession(
        port,
        [...connectPacket(`slow-${i}`)].map((b) => Buffer.from([b])),
        Math.ceil(connectTimeoutMs / 8),
        patience,
      ),
    ),
  ];
}

/** Runs the sessions at most `concurrency` at once, in an order drawn from the seed: the kinds interleave. */
async function interleaved(tasks: Task[], concurrency: number, rng: Random): Promise<Session[]> {
  const ended: Session[] = [];
  const order = tasks.map((task) => ({ task, key: rng.next() })).sort((a, b) => a.key - b.key);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, order.length) }, async () => {
      for (let next = order.shift(); next; next = order.shift()) ended.push(await next.task());
    }),
  );
  return ended;
}

/** SUBACKs (after the CONNACK) that granted a subscription: return codes 0..2 grant, 0x80 refuses. */
function grantedSubscriptions(received: Buffer): number {
  const subacks = received.subarray(4);
  let granted = 0;
  for (let i = 0; i + 4 < subacks.length; i += 5) if (subacks[i] === 0x90 && subacks[i + 4] !== 0x80) granted++;
  return granted;
}

/** A garbage run: the broker's counts, the tally server's, and whether the genuine stations' results came through exactly. */
export interface GarbageReport {
  plan: GarbagePlan;
  outcome: GarbageOutcome;
  /** What the broker refused, by reason, as the tally server's /metrics shows it. */
  refusals: Partial<Record<BrokerRefusal, number>>;
  /** The flooder's messages that passed the broker and the tally server rejected or dropped, by reason. */
  serverRejected: Record<string, number>;
  serverDropped: Record<string, number>;
  devicesBanned: number;
  stations: number;
  acknowledged: number;
  /** The tally equals what the genuine stations sent. */
  exact: boolean;
  /** A client could still connect after it all. */
  brokerAlive: boolean;
  seconds: number;
}

/**
 * The `tally-server` stack as it runs by default — a secured embedded broker and a tally server on
 * PGlite — with `stations` genuine stations closing their polls while `plan`'s garbage hits the
 * broker: counts everything, and checks the tally against what the stations sent.
 */
export async function brokerGarbageRun(plan: GarbagePlan, stations: number, connectTimeoutMs: number): Promise<GarbageReport> {
  const secret = randomBytes(32).toString('base64url');
  const operatorToken = randomBytes(32).toString('base64url');
  const stack = await TallyStack.start({ broker: { host: '127.0.0.1', secured: true, connectTimeoutMs }, brokerSecret: secret, server: { operatorToken } });
  const broker = stack.broker!;
  const started = performance.now();
  try {
    const election = syntheticElection(stations, plan.seed, `garbage-${plan.seed}`);
    const id = election.definition.id;
    const precinct = election.devices[0].precinctId;
    const spare = (n: number) =>
      deviceRegistration(DeviceIds.identification(precinct, n), precinct, 'identification', DeviceKey.fromSeed(randomBytes(32)).publicKey);
    const registered = await stack.api.register(election.definition, [...election.devices, spare(1), spare(2)]);
    const credentials = registered.credentials ?? {};
    const holder = DeviceIds.identification(precinct, 1);
    const flooder = DeviceIds.identification(precinct, 2);

    const clock = new SystemClock();
    const genuine = Promise.all(
      election.messages.map(async (m, i) => {
        await new Promise((r) => setTimeout(r, (i * 2000) / stations));
        const deviceId = v1.SignedEnvelope.decode(m.payload).deviceId;
        return transmit(m.payload, id, 'result', {
          brokerUrl: deviceBrokerUrl(broker.url, deviceId, credentials[deviceId]),
          clock,
          resendMs: 500,
          maxResendMs: 2000,
        });
      }),
    );
    const outcome = await sendBrokerGarbage(
      broker.port,
      id,
      { id: holder, password: credentials[holder] },
      { id: flooder, password: credentials[flooder] },
      plan,
      connectTimeoutMs,
    );
    const acks = await genuine;
    const results = (await (await fetch(`${stack.httpUrl}/api/elections/${id}/results`)).json()) as {
      precinctsReporting: number;
      preliminary: { ballotsInBox: number; votes: Record<string, number> };
    };
    const metrics = await stack.api.metrics();
    const brokerAlive = await connectMqtt(broker.url, { reconnectPeriod: 0 }).then(
      (c) => c.endAsync().then(() => true),
      () => false,
    );
    return {
      plan,
      outcome,
      refusals: metricByLabel(metrics, 'shailoo_broker_refused_total', 'reason'),
      serverRejected: metricByLabel(metrics, 'shailoo_messages_rejected_total', 'reason'),
      serverDropped: metricByLabel(metrics, 'shailoo_messages_dropped_total', 'reason'),
      devicesBanned: Number(/^shailoo_devices_banned_total (\d+)/m.exec(metrics)?.[1] ?? 0),
      stations,
      // A modem's delivery settles only on an acceptance (accepted or duplicate).
      acknowledged: acks.length,
      exact:
        results.precinctsReporting === stations &&
        results.preliminary.ballotsInBox === election.totals.ballotsInBox &&
        JSON.stringify(results.preliminary.votes) === JSON.stringify(election.totals.votes),
      brokerAlive,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await stack.close();
  }
}

/** What is wrong with a garbage run, in words; empty when nothing is. */
export function garbageProblems(report: GarbageReport): string[] {
  const problems: string[] = [];
  const { exactly, atLeast, broken } = expectedRefusals(report.plan);
  const got = (r: BrokerRefusal) => report.refusals[r] ?? 0;
  for (const [r, n] of Object.entries(exactly)) if (got(r as BrokerRefusal) !== n) problems.push(`${r}: ${got(r as BrokerRefusal)} counted, ${n} sent`);
  for (const [r, n] of Object.entries(atLeast))
    if (got(r as BrokerRefusal) < n!) problems.push(`${r}: ${got(r as BrokerRefusal)} counted, at least ${n} expected`);
  const brokenCount = got('malformed-packet') + got('packet-too-large') + got('connect-timeout');
  if (brokenCount < broken.min || brokenCount > broken.max) problems.push(`broken connections counted ${brokenCount}, expected ${broken.min}–${broken.max}`);
  if (report.outcome.wildGranted) problems.push(`${report.outcome.wildGranted} wild subscriptions granted`);
  if (report.acknowledged !== report.stations) problems.push(`${report.acknowledged} of ${report.stations} stations acknowledged`);
  if (!report.exact) problems.push('the tally is not what the stations sent');
  if (!report.brokerAlive) problems.push('the broker no longer accepts connections');
  return problems;
}
