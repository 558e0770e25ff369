import { startTallyServer, tallyConfig, TallyServerHandle } from '../../../apps/tally-server/src/tally-server';
import { ElectionResults } from '../../../apps/tally-server/src/tally.service';
import { SystemClock } from '../../../libs/platform/src/clock';
import { EmbeddedBroker } from '../../../libs/transport/src/embedded-broker';
import { startIdentificationService } from '../../../apps/identification/src/identification-service';
import { serviceAuthorities } from '../../identification/src/identification-link';
import { prepareStation, sendStationDay, stationDevices } from '../../station/src/run-station';
import { prepareCouncilDay } from './council-day';
import { TYPICAL_BIOMETRICS } from '../../identification/src/identification-device';

const PERFECT_BIOMETRICS = { ...TYPICAL_BIOMETRICS, fingerprintFrr: 0, faceFrr: 0, unreadableRate: 0 };
import { formatResultsTable, matchesPublished } from './results-table';

export interface DemoOptions {
  council: string | number;
  seed: string;
  /** External broker; unset starts the embedded one. */
  mqttUrl?: string;
  /** Port of the embedded broker (0: any free one). */
  mqttPort?: number;
  databaseUrl?: string;
  dataDir?: string;
  httpPort: number;
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
  const broker = options.mqttUrl ? null : await EmbeddedBroker.start(options.mqttPort ?? 0);
  const brokerUrl = options.mqttUrl ?? broker!.url;
  log(`broker: ${broker ? `embedded aedes at ${brokerUrl}` : brokerUrl}`);
  const server = await startTallyServer(
    tallyConfig({ mqttUrl: brokerUrl, databaseUrl: options.databaseUrl, dataDir: options.dataDir, port: options.httpPort, clock }),
  );
  log(`tally server: ${server.httpUrl} (database: ${server.database.kind})`);
  const day = prepareCouncilDay(options.council, options.seed);
  log(`${day.definition.name}: ${day.boxes.length} precincts, ${day.dataset.voters} voters, definition ${day.hash.slice(0, 16)}…`);
  // Every station runs its day on an accelerated clock and sends over a 3G link: turnout
  // snapshots, the identification report, the box's result at 20:00, the commission's protocol.
  // Every voter who comes is identified, boxes hold and hands count exactly here, so the final
  // figures are the synthesized ones and land on the published seats.
  // A few voters also try at a neighbouring precinct; the identification service turns them away.
  const choice = { council: options.council, seed: options.seed, boxFailureRate: 0, handCountErrorRate: 0, biometrics: PERFECT_BIOMETRICS, doubleVoterRate: 0.02 };
  const precinctNumbers = day.boxes.map((_, i) => i + 1);
  await server.registry.register(day.definition, precinctNumbers.flatMap((n) => stationDevices(day, options.seed, n).devices));
  // The identification service shares the tally server's database and answers every device.
  const identification = await startIdentificationService({ mqttUrl: brokerUrl, voterSeed: options.seed, remoteShare: 0, clock }, server.database);
  try {
    await Promise.all(
      precinctNumbers.map(async (n) => {
        const { identification: idds, precinctId } = stationDevices(day, options.seed, n);
        const service = await serviceAuthorities(brokerUrl, idds, { electionId: day.definition.id, definitionHash: day.hash, precinctId });
        const station = await prepareStation({ ...choice, precinct: n }, day, service.authorityFor).finally(() => service.close());
        if (options.print) station.station.printouts.forEach(options.print);
        await sendStationDay(station, { seed: options.seed, brokerUrl, speed: 200_000, link: '3g' });
        const report = station.station.identification!;
        const turnedAway = report.refused['already-identified'] + report.refused['other-precinct'];
        log(`  ${precinctId}: ${report.identifiedByFingerprint + report.identifiedByFace} voters identified by the service, ${turnedAway} second attempts turned away, ${station.station.messages.length} messages acknowledged`);
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
