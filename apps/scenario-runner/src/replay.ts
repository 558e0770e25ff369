import { MessageKind, parseUplinkTopic } from '@shailoo/contracts';
import { ELECTION_DAY, electionDayHour } from '@shailoo/election';
import { ManualClock } from '@shailoo/platform';
import { StationUplink } from '@shailoo/station';
import { openMqtt } from '@shailoo/transport';
import { driveClock } from './clock-driver';
import { EventLog, sha256Hex, encodeEventLog } from './event-log';
import { PublishedSummary, publishedSummary, SimulationStack, Target } from './simulation-stack';

export interface ReplayOptions {
  speed?: number | 'max';
  target?: Target;
}

export interface ReplayReport {
  scenario: string;
  seed: string;
  eventLogSha256: string;
  messages: { uplink: number; identification: number };
  published: Record<string, PublishedSummary>;
  wallSeconds: number;
}

/**
 * Drives a tally server with exactly the messages of a recorded day at their virtual times: each
 * device's messages through its own modem (ideal link, resent until acknowledged), identification
 * requests to the identification service; then reads what the server published.
 */
export async function replayEventLog(log: EventLog, options: ReplayOptions = {}): Promise<ReplayReport> {
  const wallStart = Date.now();
  const first = log.messages[0]?.atMs ?? Date.parse(`${log.elections[0].definition.date}T00:00:00Z`);
  const date = new Date(first).toISOString().slice(0, 10);
  const clock = new ManualClock(Math.min(first, electionDayHour(date, ELECTION_DAY.commissionMeets)));
  const uplinkMessages = log.messages.filter((m) => parseUplinkTopic(m.topic));
  const identifyMessages = log.messages.filter((m) => !parseUplinkTopic(m.topic));
  const stack = await SimulationStack.start(clock, log.seed, options.target);
  try {
    await stack.register(log.elections, identifyMessages.length > 0);
    const uplinks = log.elections.map(
      (e) =>
        new StationUplink(
          e.definition.id,
          e.devices.map((d) => d.id),
          clock,
          { seed: log.seed, brokerUrl: stack.deviceUrl, link: 'ideal' },
        ),
    );
    const byElection = new Map(log.elections.map((e, i) => [e.definition.id, uplinks[i]]));
    uplinks.forEach((u) => u.start());
    // The recorded identification requests, replayed as they were signed: a CEC-side tool of the run.
    const asker = openMqtt(stack.serviceUrl('tools'), { clientId: `replay-${process.pid}` });
    try {
      const deliveries = uplinkMessages.map((m) => {
        const { electionId, deviceId, kind } = parseUplinkTopic(m.topic)!;
        const uplink = byElection.get(electionId);
        if (!uplink) throw new Error(`the log has a message for ${electionId}, which its header does not register`);
        return uplink.send({ atMs: m.atMs, deviceId, kind: kind as MessageKind, envelope: m.payload });
      });
      for (const m of identifyMessages) clock.setTimeout(() => asker.publish(m.topic, m.payload, { qos: 1 }), m.atMs - clock.now());
      const all = Promise.all(deliveries);
      await driveClock(clock, { speed: options.speed ?? 'max', paused: false }, all, {
        inFlight: () => uplinks.reduce((n, u) => n + u.onWire, 0),
        progress: () => uplinks.reduce((n, u) => n + u.pending, 0),
        unacknowledged: () => uplinks.reduce((n, u) => n + u.pending, 0),
        nextMessageAt: () => uplinks.reduce((t, u) => Math.min(t, u.nextDue), Infinity),
        busy: () => 0,
        asking: () => 0,
      });
      await all;
    } finally {
      await asker.endAsync(true);
      await Promise.all(uplinks.map((u) => u.stop()));
    }
    const published: Record<string, PublishedSummary> = {};
    for (const e of log.elections) published[e.definition.id] = publishedSummary(await stack.published(e.definition.id));
    return {
      scenario: log.scenario,
      seed: log.seed,
      eventLogSha256: sha256Hex(encodeEventLog(log)),
      messages: { uplink: uplinkMessages.length, identification: identifyMessages.length },
      published,
      wallSeconds: (Date.now() - wallStart) / 1000,
    };
  } finally {
    await stack.close();
  }
}
