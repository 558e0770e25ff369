import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { build, decodeFromCompressedBase64, Histogram } from 'hdr-histogram-js';
import { metricSamples, Topics, v1 } from '@shailoo/contracts';
import { definitionHash } from '@shailoo/election';
import { processesCpuMs, SystemClock } from '@shailoo/platform';
import { syntheticDefinition } from '@shailoo/scenario';
import { SimulationStack } from '@shailoo/scenario-runner';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import type { MqttClient } from 'mqtt';
import { verificationCeiling } from './baselines';
import { CountedPrecinct, checkCounts } from './check';
import { forkSibling, nextMessage } from './child';
import { Fleet, FleetMemberResult, FleetTick } from './fleet';
import { wallMs } from './fleet-protocol';
import { LoadtestOptions } from './options';

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  count: number;
}

/** One second of the run, for `--csv`. */
export interface TimelineRow {
  second: number;
  connected: number;
  sent: number;
  acknowledged: number;
  published: number;
  acksPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  stationRssMb: number;
}

export interface LoadtestReport {
  target: 'embedded' | 'external';
  electionId: string;
  options: LoadtestOptions;
  stations: number;
  /** Stations that published their result at least once. */
  sent: number;
  acknowledged: number;
  /** Acknowledged as stored for the first time. */
  accepted: number;
  /** Acknowledged as already stored (the station's resend crossed the first acknowledgement). */
  duplicates: number;
  rejected: number;
  /** Sent, and not acknowledged by the end of `--duration`. */
  unacknowledged: number;
  /** Publishes in all, resends included. */
  publishes: number;
  /** Checked against the server's published figures at the end. */
  lost: number;
  doubleCounted: number;
  totalsMatch: boolean;
  countedUnacknowledged: number;
  problems: string[];
  /** From poll close to the station's acknowledgement. */
  latencyMs: Percentiles;
  /** From poll close to the first published aggregate that counts the station. */
  publishedLatencyMs: Percentiles | null;
  /** From the first poll close to the published aggregate counting every acknowledged station. */
  allPublishedSeconds: number | null;
  /** Acknowledged results per second, from the first poll close to the last acknowledgement. */
  throughputPerSec: number;
  readers: { clients: number; requests: number; errors: number; latencyMs: Percentiles } | null;
  /** Server-side counters read from its /metrics, where it has them. */
  server: { duplicates: number | null; rejected: number | null };
  baseline: {
    /** The same bytes through the same broker to a plain subscriber. */
    rawBrokerPerSec: number | null;
    /** Ed25519 verification alone on every core. */
    verificationCeilingPerSec: number | null;
    verificationThreads: number | null;
    throughputToRaw: number | null;
    throughputToCeiling: number | null;
  };
  /**
   * CPU time spent from the polls' close to the last acknowledgement, per acknowledged result, in
   * ms: the station processes, the embedded broker, and this process (the embedded tally server with
   * its verifier threads; only the observer for an external target). Where the cores go.
   */
  cpuMsPerResult: { stations: number; broker: number | null; server: number | null };
  /** How late the embedded tally server's event loop ran its timers during the run (what an HTTP request waits behind). */
  serverEventLoopDelayMs: Percentiles | null;
  /** The station side: the sum of its processes' peak resident memory. */
  peakRssMb: number;
  /**
   * With `--agents`, each agent's part: its stations, what they had acknowledged, its processes' CPU
   * (since the close) and peak memory, and why it died when it did — its stations are then counted
   * as unacknowledged, and the check of the rest stays exact; its own figures are then what it last
   * said (its last tick), outside the totals.
   */
  agents: AgentReport[] | null;
  registerSeconds: number;
  wallSeconds: number;
  timeline: TimelineRow[];
}

export interface AgentReport {
  agent: string;
  processes: number;
  stations: number;
  acknowledged: number;
  cpuMs: number;
  cpuMsPerResult: number;
  peakRssMb: number;
  /** Why its processes ended before finishing (null: they finished), and the stations they held then. */
  died: { reason: string; stations: { from: number; to: number }[] } | null;
}

export interface LoadtestProgress {
  phase: string;
  stations: number;
  connected: number;
  sent: number;
  acknowledged: number;
  published: number;
  acksPerSec: number;
}

export interface LoadtestHooks {
  log?: (line: string) => void;
  progress?: (p: LoadtestProgress) => void;
}

const percentiles = (h: Histogram, scale = 1): Percentiles => ({
  p50: h.getValueAtPercentile(50) / scale,
  p90: h.getValueAtPercentile(90) / scale,
  p99: h.getValueAtPercentile(99) / scale,
  max: h.maxValue / scale,
  count: h.totalCount,
});

/** Latencies are recorded in µs, from 1 µs to an hour, to three significant digits. */
const histogram = () => build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

const sortedPercentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

/**
 * The load test: stations in child processes close their polls at once (or steadily), each
 * dialing the broker through its modem with its own key, precinct and sequence; the server
 * verifies, stores, aggregates and publishes; readers hit the results API meanwhile. At the end
 * the published figures are compared with what every station sent.
 */
export async function runLoadtest(options: LoadtestOptions, hooks: LoadtestHooks = {}): Promise<LoadtestReport> {
  const log = hooks.log ?? (() => undefined);
  const started = wallMs();
  const external = options.broker
    ? { brokerUrl: options.broker, registerUrl: options.register!, operatorToken: options.operatorToken, brokerSecret: options.brokerSecret }
    : undefined;

  const ceiling = options.baselines ? await verificationCeiling() : null;
  if (ceiling) log(`baseline: Ed25519 verification on ${ceiling.threads} threads: ${Math.round(ceiling.perSecond)}/s`);

  // The readers all come from this machine's one address: the embedded server does not hold them to a client's rate.
  const stack = await SimulationStack.start(new SystemClock(), options.seed, external, { httpRateLimit: 0 });
  const electionId = `lt-${options.stations}-${randomBytes(3).toString('hex')}`;
  // An external target's broker must let this run's tools in (they hold nothing yet to close).
  if (external) await stack.checkAccess('tools', `${benchPrefix(electionId)}/#`);
  const definition = syntheticDefinition(options.stations, electionId);
  const fleet = await Fleet.start(options, { id: electionId, hash: definitionHash(definition) }, options.via ?? stack.target.brokerUrl);
  const subscriber = await connectMqtt(stack.serviceUrl('tools'), { clientId: uniqueClientId('loadtest-observer') });
  let readers: ReturnType<typeof forkSibling> | null = null;
  try {
    log(`${options.stations} stations in ${options.processes} processes, their keys derived and results signed`);
    const rawPerSec = options.baselines ? await rawBrokerBaseline(options, fleet, subscriber, stack, electionId, log) : null;

    const registerFrom = wallMs();
    await stack.register([{ definition, devices: fleet.devices }], false);
    await fleet.credentials(stack.devicePassword);
    const registerSeconds = (wallMs() - registerFrom) / 1000;
    // The server's counters count its whole life: the run's share is what they gain from here.
    const countersBefore = await serverCounters(stack.target.registerUrl);
    log(`registered the election and ${fleet.devices.length} devices in ${registerSeconds.toFixed(1)} s`);

    const published = await followPublished(subscriber, electionId);
    if (!options.dial) {
      hooks.progress?.({ phase: 'connecting', stations: options.stations, connected: 0, sent: 0, acknowledged: 0, published: 0, acksPerSec: 0 });
      await fleet.connect();
      log(`${options.stations} persistent sessions connected`);
    }
    if (options.readers > 0) {
      readers = forkSibling('readers-process', [
        `${stack.target.registerUrl}/api/elections/${electionId}/results`,
        String(options.readers),
        String(options.readerIntervalMs),
      ]);
      await nextMessage(readers, () => true);
    }

    const burst = await runBurst(options, hooks, stack, fleet, published.now, !!external, log);
    const { result } = burst;
    const acknowledged = result.counters.acknowledged;
    for (let waited = 0; published.now() < acknowledged && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const readerReport = readers ? await stopReaders(readers, options.readers) : null;
    readers = null;

    hooks.progress?.({
      phase: 'checking',
      stations: options.stations,
      connected: 0,
      sent: result.counters.sent,
      acknowledged,
      published: published.now(),
      acksPerSec: 0,
    });
    const unacknowledged = new Set(result.unacknowledged);
    const root = await stack.api.results(electionId);
    const precincts = await stack.api.level<CountedPrecinct>(electionId, 'precinct');
    const check = checkCounts(electionId, options.seed, options.stations, (i) => !unacknowledged.has(i), precincts, root);
    const server = counted(countersBefore, await serverCounters(stack.target.registerUrl));

    return assembleReport({
      options,
      external: !!external,
      electionId,
      burst,
      check,
      server,
      readers: readerReport,
      ceiling,
      rawPerSec,
      published: published.list,
      registerSeconds,
      started,
    });
  } finally {
    readers?.kill();
    await subscriber.endAsync(true);
    await fleet.stop();
    await stack.close();
  }
}

/** The report of a load test, from what each of its steps measured. */
function assembleReport(parts: {
  options: LoadtestOptions;
  external: boolean;
  electionId: string;
  burst: Burst;
  check: ReturnType<typeof checkCounts>;
  server: LoadtestReport['server'];
  readers: LoadtestReport['readers'];
  ceiling: Awaited<ReturnType<typeof verificationCeiling>> | null;
  rawPerSec: number | null;
  published: { at: number; reporting: number }[];
  registerSeconds: number;
  started: number;
}): LoadtestReport {
  const { options, external, electionId, burst, check, server, ceiling, rawPerSec, published, registerSeconds, started } = parts;
  const { result } = burst;
  const acknowledged = result.counters.acknowledged;
  const allPublished = published.find((p) => p.reporting >= acknowledged);
  const lastAck = result.acks[result.acks.length - 1]?.ackedAt ?? burst.t0;
  const throughput = acknowledged / Math.max(0.001, (lastAck - burst.t0) / 1000);
  const publishedLatency = publishedLatencies(result.acks, published);
  return {
    target: external ? 'external' : 'embedded',
    electionId,
    options,
    stations: options.stations,
    sent: result.counters.sent,
    acknowledged,
    accepted: result.counters.accepted,
    duplicates: result.counters.duplicates,
    rejected: result.counters.rejected,
    unacknowledged: result.unacknowledged.length,
    publishes: result.counters.publishes,
    lost: check.lost,
    doubleCounted: check.doubleCounted,
    totalsMatch: check.totalsMatch,
    countedUnacknowledged: check.countedUnacknowledged,
    problems: check.examples,
    latencyMs: percentiles(burst.latency, 1000),
    publishedLatencyMs: publishedLatency.totalCount ? percentiles(publishedLatency, 1000) : null,
    allPublishedSeconds: allPublished ? (allPublished.at - burst.t0) / 1000 : null,
    throughputPerSec: throughput,
    readers: parts.readers,
    server,
    baseline: {
      rawBrokerPerSec: rawPerSec,
      verificationCeilingPerSec: ceiling?.perSecond ?? null,
      verificationThreads: ceiling?.threads ?? null,
      throughputToRaw: rawPerSec ? throughput / rawPerSec : null,
      throughputToCeiling: ceiling ? throughput / ceiling.perSecond : null,
    },
    cpuMsPerResult: {
      stations: result.counters.cpuMs / Math.max(1, acknowledged),
      broker: burst.brokerCpuMs === null ? null : burst.brokerCpuMs / Math.max(1, acknowledged),
      server: burst.serverCpuMs === null ? null : burst.serverCpuMs / Math.max(1, acknowledged),
    },
    serverEventLoopDelayMs: external ? null : burst.loopDelay,
    peakRssMb: result.peakRssMb,
    agents: options.agents?.length ? agentReports(result.members) : null,
    registerSeconds,
    wallSeconds: (wallMs() - started) / 1000,
    timeline: burst.timeline,
  };
}

/** Each agent's part of the run, from its processes' results. */
function agentReports(members: FleetMemberResult[]): AgentReport[] {
  const agents = [...new Set(members.map((m) => m.where))];
  return agents.map((agent) => {
    const mine = members.filter((m) => m.where === agent);
    const dead = mine.filter((m) => m.died !== null);
    const acknowledged = mine.reduce((n, m) => n + m.counters.acknowledged, 0);
    const cpuMs = mine.reduce((n, m) => n + m.counters.cpuMs, 0);
    return {
      agent,
      processes: mine.length,
      stations: mine.reduce((n, m) => n + m.to - m.from, 0),
      acknowledged,
      cpuMs,
      cpuMsPerResult: cpuMs / Math.max(1, acknowledged),
      peakRssMb: mine.reduce((n, m) => n + m.peakRssMb, 0),
      died: dead.length ? { reason: dead[0].died!, stations: dead.map(({ from, to }) => ({ from, to })) } : null,
    };
  });
}

/** Where the first baseline's results go: a topic only a CEC service may use. */
const benchPrefix = (electionId: string) => `shailoo/v1/bench/${electionId}`;

/** The first baseline: the same results through the broker to a plain subscriber, nothing verified or stored. */
async function rawBrokerBaseline(
  options: LoadtestOptions,
  fleet: Fleet,
  subscriber: MqttClient,
  stack: SimulationStack,
  electionId: string,
  log: (line: string) => void,
): Promise<number> {
  const prefix = benchPrefix(electionId);
  let received = 0;
  let last = 0;
  const count = (topic: string) => {
    if (!topic.startsWith(prefix)) return;
    received++;
    last = wallMs();
  };
  subscriber.on('message', count);
  await subscriber.subscribeAsync(`${prefix}/#`, { qos: options.qos });
  const from = wallMs();
  await fleet.raw(prefix, stack.serviceUrl('tools'));
  for (let waited = 0; received < options.stations && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  await subscriber.unsubscribeAsync(`${prefix}/#`);
  subscriber.off('message', count);
  const perSec = received / ((last - from) / 1000);
  log(`baseline: the same ${options.stations} results through the broker to a plain subscriber: ${Math.round(perSec)}/s`);
  return perSec;
}

/** The retained aggregate as it is published: when, and how many precincts it says report. */
async function followPublished(subscriber: MqttClient, electionId: string): Promise<{ list: { at: number; reporting: number }[]; now: () => number }> {
  const list: { at: number; reporting: number }[] = [];
  subscriber.on('message', (topic, payload) => {
    if (topic !== Topics.aggregate(electionId)) return;
    list.push({ at: wallMs(), reporting: v1.ElectionAggregate.decode(payload).precinctsReporting });
  });
  await subscriber.subscribeAsync(Topics.aggregate(electionId), { qos: 1 });
  return { list, now: () => list[list.length - 1]?.reporting ?? 0 };
}

/** What the burst measured: the fleet's result, its second-by-second timeline, and the CPU and event loop of the CEC side. */
interface Burst {
  result: Awaited<ReturnType<Fleet['run']>>;
  t0: number;
  latency: Histogram;
  timeline: TimelineRow[];
  serverCpuMs: number | null;
  brokerCpuMs: number | null;
  loopDelay: Percentiles;
}

/** The stations close their polls at t0 (half a second from now) and send until acknowledged; a row of the timeline each second. */
async function runBurst(
  options: LoadtestOptions,
  hooks: LoadtestHooks,
  stack: SimulationStack,
  fleet: Fleet,
  publishedNow: () => number,
  external: boolean,
  log: (line: string) => void,
): Promise<Burst> {
  const timeline: TimelineRow[] = [];
  let second: number[] = [];
  let lastRow = { at: 0, acknowledged: 0 };
  const t0 = wallMs() + 500;
  let latest: FleetTick | null = null;
  const addRow = (t: FleetTick, now: number) => {
    const sorted = second.sort((a, b) => a - b);
    const acksPerSec = ((t.counters.acknowledged - lastRow.acknowledged) * 1000) / Math.max(1, now - (lastRow.at || t0));
    const { connected, sent, acknowledged } = t.counters;
    const row = { connected, sent, acknowledged, published: publishedNow(), acksPerSec: Math.round(acksPerSec) };
    timeline.push({
      second: timeline.length + 1,
      ...row,
      latencyP50Ms: Math.round(sortedPercentile(sorted, 50)),
      latencyP99Ms: Math.round(sortedPercentile(sorted, 99)),
      stationRssMb: Math.round(t.rssMb),
    });
    hooks.progress?.({ phase: 'running', stations: options.stations, ...row });
    second = [];
    lastRow = { at: now, acknowledged: t.counters.acknowledged };
  };
  const onTick = (t: FleetTick) => {
    latest = t;
    second.push(...t.latencies);
    const now = wallMs();
    if (now >= t0 && Math.floor((now - t0) / 1000) >= timeline.length) addRow(t, now);
  };
  const profiler = options.profile && !external ? await startProfiler() : null;
  // An external server's and broker's CPU is measured only when their processes are named (they run on this machine).
  const named = (pids: number[] | undefined) => (pids?.length ? processesCpuMs(pids) : null);
  const serverCpuMs = () => (external ? named(options.serverPids) : cpuUsageMs(process.cpuUsage()));
  const brokerCpuMs = () => (external ? named(options.brokerPid === undefined ? undefined : [options.brokerPid]) : stack.brokerCpuMs());
  const cpuFrom = { server: serverCpuMs(), broker: brokerCpuMs() };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const result = await fleet.run(t0, onTick);
  loopDelay.disable();
  // Every acknowledged station of every process that finished, wherever it ran: one histogram of the exact values, not a blend of percentiles.
  const latency = histogram();
  for (const { closeAt, ackedAt } of result.acks) latency.recordValue(Math.max(1, Math.round((ackedAt - closeAt) * 1000)));
  // The last, partial second.
  if (latest && second.length) addRow(latest, wallMs());
  const cpuTo = { server: serverCpuMs(), broker: brokerCpuMs() };
  if (profiler) {
    await profiler.stop(options.profile!);
    log(`CPU profile of the tally server during the run written to ${options.profile}`);
  }
  return {
    result,
    t0,
    latency,
    timeline,
    serverCpuMs: cpuFrom.server === null ? null : cpuTo.server! - cpuFrom.server,
    brokerCpuMs: cpuFrom.broker === null ? null : cpuTo.broker! - cpuFrom.broker,
    loopDelay: {
      p50: loopDelay.percentile(50) / 1e6,
      p90: loopDelay.percentile(90) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
      count: loopDelay.count,
    },
  };
}

const cpuUsageMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** The readers' latencies, once they are told to stop. */
async function stopReaders(readers: ReturnType<typeof forkSibling>, clients: number): Promise<NonNullable<LoadtestReport['readers']>> {
  const answer = nextMessage<{ histogram: string; errors: number }>(readers, (m) => 'histogram' in m);
  readers.send('stop');
  const { histogram: encoded, errors } = await answer;
  const h = decodeFromCompressedBase64(encoded);
  return { clients, requests: h.totalCount, errors, latencyMs: percentiles(h, 1000) };
}

/**
 * For each acknowledged result, from its station's close to the first publication that counts it —
 * or to its acknowledgement, when that publication reached the observer first (the server sends
 * both after the commit; the station and the observer are different processes): a result counts as
 * published no sooner than it is acknowledged.
 */
function publishedLatencies(acks: { closeAt: number; ackedAt: number }[], published: { at: number; reporting: number }[]): Histogram {
  const h = histogram();
  for (let k = 0, j = 0; k < acks.length; k++) {
    const { closeAt, ackedAt } = acks[k];
    while (j < published.length && published[j].reporting < k + 1) j++;
    if (j === published.length) break;
    h.recordValue(Math.max(1, Math.round((Math.max(published[j].at, ackedAt) - closeAt) * 1000)));
  }
  return h;
}

async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** What the server's counters gained between two readings (null where either has none). */
function counted(before: LoadtestReport['server'], after: LoadtestReport['server']): LoadtestReport['server'] {
  const gain = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return { duplicates: gain(before.duplicates, after.duplicates), rejected: gain(before.rejected, after.rejected) };
}

/** The server's own count of duplicates and refusals, from its Prometheus metrics (null when it has none). */
async function serverCounters(registerUrl: string): Promise<LoadtestReport['server']> {
  try {
    const res = await fetch(`${registerUrl}/metrics`);
    if (!res.ok) return { duplicates: null, rejected: null };
    const text = await res.text();
    const total = (name: string) => {
      const values = metricSamples(text, name).map((s) => s.value);
      // A labelled counter has no line until its first increment: declared and silent is zero.
      return values.length ? values.reduce((s, v) => s + v, 0) : text.includes(`# TYPE ${name} counter`) ? 0 : null;
    };
    return { duplicates: total('shailoo_messages_duplicate_total'), rejected: total('shailoo_messages_rejected_total') };
  } catch {
    return { duplicates: null, rejected: null };
  }
}
