import { startTallyServer, tallyConfig, TallyServerHandle } from '../../../apps/tally-server/src/tally-server';
import { ElectionResults } from '../../../apps/tally-server/src/tally.service';
import { SystemClock } from '../../../libs/platform/src/clock';
import { Random } from '../../../libs/platform/src/random';
import { ballotsFor, BallotCounter } from '../../ballot-box/src/ballot-counter';
import { EmbeddedBroker } from '../../../libs/transport/src/embedded-broker';
import { deviceRegistrations, prepareCouncilDay } from './council-day';
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
 * external ones given), one simulated ballot box per precinct of the council that prints its zero
 * report, opens, reads every ballot, closes at 20:00, prints its protocol and sends its signed
 * result until acknowledged; then the table of votes and seats.
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
  await server.registry.register(day.definition, deviceRegistrations(day));
  log(`${day.definition.name}: ${day.boxes.length} precincts, ${day.dataset.voters} voters, definition ${day.hash.slice(0, 16)}…`);
  const closedAt = Date.parse(`${day.definition.date}T20:00:00+06:00`);
  const contest = day.definition.contests[0];
  await Promise.all(
    day.boxes.map(async ({ box, count }) => {
      const counter = new BallotCounter(box, {
        parties: (contest.parties ?? []).map(({ id, name }) => ({ id, name })),
        electionName: day.definition.name,
        random: Random.stream(options.seed, `ballots/${box.identity.deviceId}`),
      });
      counter.printZeroReport(closedAt - 13 * 3_600_000);
      counter.open();
      for (const ballot of ballotsFor(count, Random.stream(options.seed, `queue/${box.identity.deviceId}`))) counter.read(ballot);
      counter.close(closedAt);
      const printout = counter.printProtocol();
      if (options.print) options.print(printout);
      const delivery = await counter.transmit({ brokerUrl, clock, resendMs: 1000 });
      log(`  ${box.identity.deviceId}: ${counter.ballots} ballots read, acknowledged after ${delivery.attempts} attempt(s)`);
    }),
  );
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
