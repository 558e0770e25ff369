import { bishkekTime, ELECTION_DAY, electionDayHour } from '@shailoo/election';
import { LINK_PROFILES, LinkModel, Modem, ModemConnectionFactory, Outbox } from '@shailoo/modem';
import { AcceleratedClock, Random } from '@shailoo/platform';
import { StationDay } from './polling-station';

export interface StationUplinkOptions {
  seed: string;
  brokerUrl: string;
  /** Virtual seconds per real second. */
  speed: number;
  link: keyof typeof LINK_PROFILES;
  /** Directory for the modems' outboxes; in memory when not given. */
  outboxDir?: string;
  /** How each modem reaches the broker; a real MQTT connection by default. */
  connect?: ModemConnectionFactory;
  log?: (line: string) => void;
}

/**
 * Sends a station's day through one modem per device, each message at its virtual time on an
 * accelerated clock starting at 07:00 of election day; resolves when all are acknowledged.
 */
export async function sendStationDay(electionId: string, date: string, deviceIds: string[], day: StationDay, options: StationUplinkOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const clock = new AcceleratedClock(electionDayHour(date, ELECTION_DAY.commissionMeets), options.speed);
  const modems = new Map(
    deviceIds.map((id) => [
      id,
      new Modem({
        deviceId: id,
        brokerUrl: options.brokerUrl,
        clock,
        connect: options.connect,
        link: new LinkModel(LINK_PROFILES[options.link], Random.stream(options.seed, `link/${id}`)),
        outbox: new Outbox(options.outboxDir ? `${options.outboxDir}/${id}.json` : undefined),
        resendMs: 10_000,
        maxResendMs: 300_000,
      }),
    ]),
  );
  modems.forEach((m) => m.start());
  try {
    const deliveries: Promise<unknown>[] = [];
    for (const m of day.messages) {
      const wait = m.atMs - clock.now();
      if (wait > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
      log(`${bishkekTime(m.atMs).slice(11)} ${m.deviceId} sends its ${m.kind}`);
      deliveries.push(modems.get(m.deviceId)!.send(m.envelope, electionId, m.kind));
    }
    await Promise.all(deliveries);
  } finally {
    await Promise.all([...modems.values()].map((m) => m.stop()));
  }
}
