import { ConsoleLogger } from '@nestjs/common';
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { startIdentificationService } from '../../identification/src/identification-service';
import { startTallyServer, tallyConfig } from '../../tally-server/src/tally-server';
import { SystemClock } from '../../../libs/platform/src/clock';
import { openDatabase, redact } from '../../../libs/persistence/src';
import { EmbeddedBroker } from '../../../libs/transport/src/embedded-broker';
import { runDemo } from '../../../simulators/scenario/src/demo';
import { prepareStation, sendStationDay, stationDevices } from '../../../simulators/station/src/run-station';
import { prepareCouncilDay } from '../../../simulators/scenario/src/council-day';
import { serviceAuthorities } from '../../../simulators/identification/src/identification-link';
import { allocate, allocationTable, InputError, parseAllocateInput } from './allocate-input';

/** The environment, with empty variables treated as unset. */
const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
const program = new Command('shailoo-sim').description('Polling-station simulator and CEC tally server of the Kyrgyz Republic');

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

program
  .command('demo')
  .description('run a demo election day: simulated ballot boxes report to the tally server, then the seats are printed')
  .option('--council <name>', 'a 2021 city council by city name or number', 'Кайыңды')
  .option('--seed <seed>', 'seed of every random draw', 'kaiyndy-2021')
  .option('--exit', 'exit after printing the table instead of serving HTTP')
  .option('--verbose', 'log each step')
  .option('--print', 'show each ballot box’s printed protocol')
  .action(async (opts) => {
    const run = await runDemo({
      council: /^\d+$/.test(opts.council) ? Number(opts.council) : opts.council,
      seed: opts.seed,
      mqttUrl: env.MQTT_URL,
      mqttPort: env.MQTT_PORT ? Number(env.MQTT_PORT) : 0,
      databaseUrl: env.DATABASE_URL,
      dataDir: env.PGLITE_DIR,
      httpPort: opts.exit ? 0 : Number(env.PORT ?? 3000),
      log: opts.verbose ? (line) => console.error(line) : undefined,
      print: opts.print ? (printout) => console.log(`${printout}\n`) : undefined,
    });
    console.log(run.table);
    console.log(run.matchesPublished ? '\nSeats match the published result.' : '\nSEATS DIFFER FROM THE PUBLISHED RESULT.');
    if (!opts.exit) {
      const id = run.results.electionId;
      console.log(`\nServing ${run.server.httpUrl}/api/elections/${id}/results (MQTT ${run.brokerUrl}); Ctrl-C to stop.`);
      await waitForSignal();
    }
    await run.stop();
    process.exitCode = run.matchesPublished ? 0 : 1;
  });

program
  .command('station')
  .description('run one polling station of a 2021 city council for a whole day against a broker, on an accelerated clock')
  .requiredOption('--broker <url>', 'MQTT broker the tally server listens on')
  .option('--council <name>', 'a 2021 city council by city name or number', 'Кайыңды')
  .option('--precinct <n>', "1-based index of the council's precinct", '1')
  .option('--seed <seed>', 'seed of every random draw (use the tally side’s seed)', 'kaiyndy-2021')
  .option('--speed <factor>', 'virtual seconds per real second', '3600')
  .addOption(new Option('--link <profile>', 'radio link').choices(['ideal', '2g', '3g']).default('3g'))
  .option('--box-failure-rate <p>', 'chance that the box fails during the day', '0.074')
  .option('--outbox <dir>', "directory for the modems' store-and-forward queues")
  .option('--register <http>', 'register the election and the station’s devices with this tally server first')
  .option('--double-voter-rate <p>', 'share of the turnout from other precincts who also try here', '0')
  .option('--online-identification', 'ask the identification service (shailoo-sim identification) over the broker instead of the local list')
  .option('--print', 'show the box’s printouts')
  .action(async (opts) => {
    const options = {
      council: /^\d+$/.test(opts.council) ? Number(opts.council) : opts.council,
      precinct: Number(opts.precinct),
      seed: opts.seed,
      brokerUrl: opts.broker,
      speed: Number(opts.speed),
      link: opts.link,
      boxFailureRate: Number(opts.boxFailureRate),
      outboxDir: opts.outbox,
      doubleVoterRate: Number(opts.doubleVoterRate),
      log: (line: string) => console.log(line),
    };
    const day = prepareCouncilDay(options.council, options.seed);
    const { identification: idds, precinctId, devices } = stationDevices(day, options.seed, options.precinct);
    if (opts.register) {
      const res = await fetch(`${opts.register}/api/elections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ definition: day.definition, devices }),
      });
      if (!res.ok) throw new Error(`registration refused: ${res.status} ${await res.text()}`);
    }
    const service = opts.onlineIdentification
      ? await serviceAuthorities(options.brokerUrl, idds, { electionId: day.definition.id, definitionHash: day.hash, precinctId })
      : null;
    const run = await prepareStation(options, day, service?.authorityFor).finally(() => service?.close());
    if (opts.print) run.station.printouts.forEach((p) => console.log(`${p}\n`));
    console.log(`${run.day.definition.name}, precinct ${run.precinctId}: ${run.station.manualCount.invalidBallots + Object.values(run.station.manualCount.votes).reduce((a, b) => a + b, 0)} ballots, box ${run.station.boxFailed ? 'failed — counted by hand only' : 'worked'}`);
    await sendStationDay(run, options);
    console.log('all messages acknowledged by the tally server');
  });

program
  .command('allocate')
  .description('allocate seats from a JSON file of votes and print the allocation with its working')
  .requiredOption('--input <file>', 'votes JSON ("-" for standard input)')
  .option('--table', 'print a table for people instead of JSON')
  .action((opts) => {
    try {
      const input = parseAllocateInput(readFileSync(opts.input === '-' ? 0 : opts.input, 'utf8'));
      const result = allocate(input);
      console.log(opts.table ? allocationTable(result) : JSON.stringify(result, null, 2));
    } catch (err) {
      const message = err instanceof InputError ? err.message : `cannot read ${opts.input}: ${(err as Error).message}`;
      console.error(`shailoo-sim allocate: ${message}`);
      process.exitCode = 2;
    }
  });

program
  .command('tally-server')
  .description('run the CEC tally server (MQTT_URL, DATABASE_URL, PGLITE_DIR, PORT); without MQTT_URL it embeds a broker')
  .addOption(new Option('--host <host>', 'HTTP address to listen on').default(env.HOST ?? '127.0.0.1'))
  .action(async (opts) => {
    const broker = env.MQTT_URL ? null : await EmbeddedBroker.start(Number(env.MQTT_PORT ?? 1883), opts.host);
    const mqttUrl = env.MQTT_URL ?? broker!.url;
    const server = await startTallyServer(
      tallyConfig({ mqttUrl, databaseUrl: env.DATABASE_URL, dataDir: env.PGLITE_DIR, port: Number(env.PORT ?? 3000), host: opts.host }),
      new ConsoleLogger({ json: true }),
    );
    console.log(JSON.stringify({ event: 'listening', http: server.httpUrl, mqtt: redact(mqttUrl), database: server.database.kind }));
    await waitForSignal();
    await server.close();
    await broker?.close();
  });

program
  .command('identification')
  .description('run the identification service (MQTT_URL required; DATABASE_URL or PGLITE_DIR; VOTER_SEED, REMOTE_SHARE)')
  .action(async () => {
    if (!env.MQTT_URL) throw new Error('MQTT_URL must name the broker the identification devices use');
    const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
    const service = await startIdentificationService(
      { mqttUrl: env.MQTT_URL, voterSeed: env.VOTER_SEED ?? 'kaiyndy-2021', remoteShare: Number(env.REMOTE_SHARE ?? 0.01), clock: new SystemClock() },
      database,
    );
    console.log(JSON.stringify({ event: 'listening', mqtt: redact(env.MQTT_URL), database: database.kind, elections: service.registry.allElections().length }));
    await waitForSignal();
    await service.close();
    await database.close();
  });

program
  .command('migrate')
  .description('apply the committed migrations to DATABASE_URL (or to the embedded database in PGLITE_DIR)')
  .action(async () => {
    const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
    console.log(db.applied.length ? `applied: ${db.applied.join(', ')}` : 'schema is up to date');
    await db.close();
  });

export function main(argv = process.argv): Promise<unknown> {
  return program.parseAsync(argv).catch((err) => {
    console.error(`shailoo-sim: ${err instanceof Error ? err.message : err}`);
    // Fatal: whatever it had started (broker, sockets) must not keep the process alive.
    process.exit(1);
  });
}

if (require.main === module) void main();
