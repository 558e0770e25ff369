import { randomBytes } from 'node:crypto';
import { ElectionResults } from '@shailoo/contracts';
import { startIdentificationService } from '@shailoo/identification';
import { TYPICAL_BIOMETRICS } from '@shailoo/identification-device';
import { SystemClock } from '@shailoo/platform';
import { prepareCouncilDay, runCouncilStation, stationDevices } from '@shailoo/scenario';
import { startTallyServer, tallyConfig, TallyServerHandle } from '@shailoo/tally-server';
import { devicePassword, EmbeddedBroker, serviceUrl, withCredentials } from '@shailoo/transport';
import { formatResultsTable, matchesPublished } from './results-table';

const PERFECT_BIOMETRICS = { ...TYPICAL_BIOMETRICS, fingerprintFrr: 0, faceFrr: 0, unreadableRate: 0 };

export interface DemoOptions {
  council: string | number;
  seed: string;
  /** External broker; unset starts the embedded one. */
  mqttUrl?: string;
  /** Port of the embedded broker (0: any free one). */
  mqttPort?: number;
  databaseUrl?: string;
  /** Embedded database directory; unset keeps the demo's store in memory. */
  dataDir?: string;
  httpPort: number;
  /** Virtual seconds per real second (200,000 by default: the day in about a second). */
  speed?: number;
  /** Called once the tally server serves, before the day begins: the live page can watch it all. */
  onServing?: (httpUrl: string) => void;
  log?: (line: string) => void;
  /** Receives each box's printed protocol. */
  print?: (printout: string) => void;
}

export interface DemoRun {
  results: ElectionResults;
  table: string;
  matchesPublished: boolean;
  server: TallyServerHandle;
  brokerUrl: string;
  stop(): Promise<void>;
}

/**
 * The demo election day: the tally server on the embedded broker and database (or on the
 * external ones given), one simulated polling station per precinct of the council — its ballot box
 * reading every ballot, its commission counting by hand — each sending its signed messages over a
 * modem until acknowledged; then the table of votes and seats.
 */
export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const log = options.log ?? (() => undefined);
  const clock = new SystemClock();
  // The embedded broker is secured as a real one: each device logs in with its own password and
  // speaks only on its own topics. No rate limit: the day runs hundreds of times faster than real time.
  const secret = options.mqttUrl ? undefined : randomBytes(32).toString('base64url');
  const broker = secret ? await EmbeddedBroker.start(options.mqttPort ?? 0, undefined, { secured: true, limits: { perSecond: null } }) : null;
  if (broker) broker.secure(secret!);
  const brokerUrl = options.mqttUrl ?? broker!.url;
  const deviceUrl = (id: string) => (secret ? withCredentials(brokerUrl, id, devicePassword(secret, id)) : brokerUrl);
  log(`broker: ${broker ? `embedded aedes at ${brokerUrl}, secured` : brokerUrl}`);
  const server = await startTallyServer(
    tallyConfig({
      mqttUrl: brokerUrl,
      databaseUrl: options.databaseUrl,
      dataDir: options.dataDir,
      port: options.httpPort,
      clock,
      brokerSecret: secret,
    }),
  );
  log(`tally server: ${server.httpUrl} (database: ${server.database.kind})`);
  options.onServing?.(server.httpUrl);
  const day = prepareCouncilDay(options.council, options.seed);
  log(`${day.definition.name}: ${day.boxes.length} precincts, ${day.dataset.voters} voters, definition ${day.hash.slice(0, 16)}…`);
  const precinctNumbers = day.boxes.map((_, i) => i + 1);
  await server.registry.register(
    day.definition,
    precinctNumbers.flatMap((n) => stationDevices(day, options.seed, n).devices),
  );
  // The identification service shares the tally server's database and answers every device.
  const identification = await startIdentificationService(
    { mqttUrl: secret ? serviceUrl(brokerUrl, secret, 'identification') : brokerUrl, voterSeed: options.seed, remoteShare: 0, clock },
    server.database,
  );
  try {
    // Every station runs its day on an accelerated clock and sends over a 3G link: turnout
    // snapshots, the identification reports, the box's result at 20:00, the commission's protocol.
    // Every voter who comes is identified, boxes hold and hands count exactly here, so the final
    // figures are the synthesized ones and land on the published seats. A few voters also try at a
    // neighbouring precinct; the identification service turns them away.
    await Promise.all(
      precinctNumbers.map(async (precinct) => {
        const { station, precinctId } = await runCouncilStation(day, {
          precinct,
          seed: options.seed,
          boxFailureRate: 0,
          handCountErrorRate: 0,
          biometrics: PERFECT_BIOMETRICS,
          doubleVoterRate: 0.02,
          onlineIdentification: true,
          brokerUrl: deviceUrl,
          speed: options.speed ?? 200_000,
          link: '3g',
        });
        if (options.print) station.printouts.forEach(options.print);
        const report = station.identification!;
        const turnedAway = report.refused['already-identified'] + report.refused['other-precinct'];
        log(
          `  ${precinctId}: ${report.identifiedByFingerprint + report.identifiedByFace} voters identified by the service, ${turnedAway} second attempts turned away, ${station.messages.length} messages acknowledged`,
        );
      }),
    );
  } finally {
    await identification.close();
  }
  const results = server.tally.results(day.definition.id)!;
  return {
    results,
    table: formatResultsTable(results, day.dataset),
    matchesPublished: matchesPublished(results, day.dataset),
    server,
    brokerUrl,
    stop: async () => {
      await server.close();
      await broker?.close();
    },
  };
}
