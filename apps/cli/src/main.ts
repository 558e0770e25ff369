import { Command, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TallyApi, Topics } from '@shailoo/contracts';
import { startIdentificationService } from '@shailoo/identification';
import { openDatabase, OPERATOR_ROLES, OperatorRepository, OperatorRole, redact } from '@shailoo/persistence';
import { AcceleratedClock, Random, SystemClock } from '@shailoo/platform';
import { LINK_PROFILES, LinkModel, LinkProxy } from '@shailoo/modem';
import { CouncilDay, prepareCouncilDay, runCouncilStation, stationDevices } from '@shailoo/scenario';
import {
  externalTarget,
  loadScenario,
  readEventLog,
  replayEventLog,
  demoScenario,
  formatResultsTable,
  runScenario,
  runSummary,
  ScenarioError,
  shippedScenarios,
  TargetError,
} from '@shailoo/scenario-runner';
import {
  LoadtestMetrics,
  loadtestOptions,
  LoadtestOptionsError,
  runLoadtest,
  startAgent,
  summaryTable,
  verdict,
  writeCsv,
  writeReport,
} from '@shailoo/loadtest';
import { loadtestBars, progressBars } from './progress';
import { AUDIT_FORMAT, AuditExport, rateLimited, TallyStack, tokenHash, Tracing, tracingFromEnv, verifyAudit } from '@shailoo/tally-server';
import {
  BROKER_SECRET_HINT,
  BrokerAccessError,
  brokerUnreachable,
  checkBrokerAccess,
  deviceBrokerUrl,
  devicePassword,
  registeredPasswords,
  serviceUrl,
} from '@shailoo/transport';
import { acknowledgements } from './acknowledgements';
import { ServerLogger } from './server-logger';
import { allocate, allocationTable, InputError, parseAllocateInput } from './allocate-input';
import { brokerAccess, ConfigError, DEFAULT_DATA_DIRS, durableStore, Flags, getEnv, tlsFiles } from './config';
import { ballotsOf, precinctsOf } from '@shailoo/election';

/** This installation's version, from the package.json above this file (sources or dist). */
function ownVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'shailoo-sim') return pkg.version ?? 'unknown';
    }
  }
  return 'unknown';
}

const program = new Command('shailoo-sim')
  .description('Polling-station simulator and CEC tally server of the Kyrgyz Republic')
  .version(ownVersion(), '-V, --version', 'print the version')
  // A flag with a bad value is bad input, like a bad variable: exit 2 (commander's default is 1).
  .exitOverride((err) => process.exit(err.code === 'commander.invalidArgument' ? 2 : err.exitCode));

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** Tracing as the OTEL_* variables ask (off by default); a value it does not know is bad configuration. */
function traced(serviceName: string): Tracing | null {
  try {
    return tracingFromEnv(process.env, serviceName);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** A service's whole shutdown, under Docker's default grace of 10 s (Kubernetes gives 30). */
const SHUTDOWN_MS = 9000;

/**
 * Serves until SIGTERM or SIGINT, then closes: exit 0 when everything closed within SHUTDOWN_MS,
 * 1 (and a log line saying so) when it did not or when a second signal asks to stop at once.
 */
async function serveUntilSignal(service: string, close: () => Promise<void>): Promise<void> {
  const signal = await waitForSignal();
  const started = Date.now();
  const stopNow = (why: string) => {
    console.error(JSON.stringify({ event: 'shutdown-cut', service, why, afterMs: Date.now() - started }));
    process.exit(1);
  };
  const deadline = setTimeout(() => stopNow(`not closed within ${SHUTDOWN_MS} ms`), SHUTDOWN_MS);
  process.once('SIGINT', () => stopNow('a second signal'));
  process.once('SIGTERM', () => stopNow('a second signal'));
  await close();
  clearTimeout(deadline);
  console.log(JSON.stringify({ event: 'stopped', service, signal, afterMs: Date.now() - started }));
  process.exit(0);
}

program
  .command('demo')
  .description('run a demo election day on the embedded stack and watch it on the live page: stations report to the tally server, then the seats are printed')
  .option('--council <name>', 'a 2021 city council by city name or number', Flags.council, 'Кайыңды')
  .option('--seed <seed>', 'seed of every random draw', 'kaiyndy-2021')
  .option('--exit', 'exit after printing the table instead of serving HTTP')
  .option(
    '--speed <factor>',
    'virtual seconds per real second, or max (default: 600, 07:00 to the last protocol in about 90 s, to watch on the live page; with --exit max)',
    Flags.speed,
  )
  .action(async (opts) => {
    const env = getEnv();
    const bars = progressBars();
    let exitCode = 1;
    await runScenario(demoScenario(opts.council, opts.seed), {
      speed: opts.speed ?? (opts.exit ? 'max' : 600),
      httpPort: opts.exit ? 0 : env.PORT,
      onProgress: bars.update,
      onServing: ({ httpUrl, operatorToken }) => {
        if (opts.exit) return;
        console.error(`Live page: ${httpUrl}/ — the day runs now, watch it there.`);
        console.error(`Trainer's console token (an operator's, for this run only): ${operatorToken}`);
      },
      whenDone: async ({ report }, stack, days) => {
        bars.done();
        const id = days[0].definition.id;
        console.log(formatResultsTable(await stack.api.results(id), (days[0] as CouncilDay).dataset));
        const matches = report.datasetSeats[id]?.matches === true && report.oracle.ok;
        console.log(matches ? '\nSeats match the published result.' : '\nSEATS DIFFER FROM THE PUBLISHED RESULT.');
        exitCode = matches ? 0 : 1;
        if (opts.exit) return;
        console.log(`\nServing ${stack.target.registerUrl}/ (the live page) and ${stack.target.registerUrl}/api/elections/${id}/results; Ctrl-C to stop.`);
        await waitForSignal();
      },
    });
    process.exitCode = exitCode;
  });

program
  .command('station')
  .description('run one polling station of a 2021 city council for a whole day against a broker, on an accelerated clock')
  .requiredOption('--broker <url>', 'MQTT broker the tally server listens on', Flags.mqttUrl)
  .option('--council <name>', 'a 2021 city council by city name or number', Flags.council, 'Кайыңды')
  .option('--precinct <n>', "1-based index of the council's precinct", Flags.precinct, 1)
  .option('--seed <seed>', 'seed of every random draw (use the tally side’s seed)', 'kaiyndy-2021')
  .option('--speed <factor>', 'virtual seconds per real second', Flags.positive, 3600)
  .addOption(new Option('--link <profile>', 'radio link').choices(['ideal', '2g', '3g']).default('3g'))
  .option('--box-failure-rate <p>', 'chance that the box fails during the day', Flags.share, 0.074)
  .option('--outbox <dir>', "directory for the modems' store-and-forward queues")
  .option('--register <http>', 'register the election and the station’s devices with this tally server first', Flags.httpUrl)
  .option('--double-voter-rate <p>', 'share of the turnout from other precincts who also try here', Flags.share, 0)
  .option('--online-identification', 'ask the identification service (shailoo-sim identification) over the broker instead of the local list')
  .option('--print', 'show the box’s printouts')
  .action(async (opts) => {
    const env = getEnv();
    const day = prepareCouncilDay(opts.council, opts.seed);
    const { devices } = stationDevices(day, opts.seed, opts.precinct);
    // A secured broker: each device's password from its registration's answer, or derived from BROKER_SECRET.
    const secret = env.BROKER_SECRET;
    const passwords = opts.register
      ? registeredPasswords(
          devices.map((d) => d.id),
          (await new TallyApi(opts.register, env.OPERATOR_TOKEN).register(day.definition, devices)).credentials,
          secret,
        )
      : new Map<string, string>();
    const brokerUrl = (id: string) => deviceBrokerUrl(opts.broker, id, passwords.get(id) ?? (secret ? devicePassword(secret, id) : undefined));
    const unregisteredHint = `register the election and its devices first (--register <the tally server's HTTP address>, with OPERATOR_TOKEN: its answer carries their passwords), or ${BROKER_SECRET_HINT}`;
    // A broker that is not there, or refuses the devices, is said now: the modems would retry all day.
    for (const d of devices)
      await checkBrokerAccess(brokerUrl(d.id), Topics.ack(d.id), `device ${d.id}`, opts.register ? BROKER_SECRET_HINT : unregisteredHint);
    // A device refused later (a broker bans one whose messages the tally server keeps rejecting) would leave its modem dialing for ever.
    let refused: (deviceId: string, reason: string) => void = () => undefined;
    const refusal = new Promise<never>((_, reject) => {
      refused = (deviceId, reason) =>
        reject(
          new BrokerAccessError(
            `the broker refused device ${deviceId}'s login during the day (${reason}; a device is banned for a while after the tally server refused its messages again and again): ${opts.register ? BROKER_SECRET_HINT : unregisteredHint}`,
          ),
        );
    });
    const run = await Promise.race([
      refusal,
      runCouncilStation(day, {
        precinct: opts.precinct,
        seed: opts.seed,
        boxFailureRate: opts.boxFailureRate,
        doubleVoterRate: opts.doubleVoterRate,
        onlineIdentification: opts.onlineIdentification,
        brokerUrl,
        speed: opts.speed,
        link: opts.link,
        outboxDir: opts.outbox,
        log: (line) => console.log(line),
        onRefused: refused,
      }),
    ]);
    if (opts.print) run.station.printouts.forEach((p) => console.log(`${p}\n`));
    const ballots = ballotsOf(run.station.manualCount);
    console.log(
      `${day.definition.name}, precinct ${run.precinctId}: ${ballots} ballots, box ${run.station.boxFailed ? 'failed — counted by hand only' : 'worked'}`,
    );
    const summary = acknowledgements(run.deliveries.map((d) => d.ack));
    console.log(summary.line);
    if (summary.rejected) {
      console.error(`shailoo-sim: the tally server rejected ${summary.rejected} of the station's messages (${summary.reasons}): ${summary.hint}`);
      process.exitCode = 1;
    }
  });

program
  .command('scenarios')
  .description('list the shipped scenarios, one line each')
  .action(() => {
    const all = shippedScenarios();
    const width = Math.max(...all.map((s) => s.name.length));
    for (const s of all) console.log(`${s.name.padEnd(width)}  ${s.description}`);
  });

program
  .command('run')
  .description('run a scenario’s election day on the embedded stack (or against --broker/--register) and check the published result against the truth')
  .argument('<scenario>', 'a shipped scenario (see `shailoo-sim scenarios`) or a scenario file (.yaml, .json)')
  .option('--seed <seed>', 'seed of every random draw (the scenario’s by default)')
  .option('--speed <factor>', 'virtual seconds per real second, or max', Flags.speed)
  .option('--record <file>', 'write the event log: every message the devices sent, with its virtual time')
  .option('--report <file>', 'write the JSON report')
  .option('--broker <url>', 'MQTT broker of an external tally server (with --register)', Flags.mqttUrl)
  .option('--register <http>', 'HTTP base URL of that tally server', Flags.httpUrl)
  .option('--port <port>', 'HTTP port of the embedded tally server (its live page and console); any free one by default', Flags.port)
  .option('--timeout <s>', 'real seconds the day may take; past them the run stops and says what it still waited for', Flags.positive, 3600)
  .action(async (name: string, opts) => {
    const scenario = loadScenario(name);
    const env = getEnv();
    const target = externalTarget(opts.broker, opts.register, env.OPERATOR_TOKEN, env.BROKER_SECRET);
    const bars = progressBars();
    const { report, eventLog } = await runScenario(scenario, {
      seed: opts.seed,
      speed: opts.speed,
      target,
      httpPort: opts.port,
      timeoutMs: opts.timeout * 1000,
      onProgress: bars.update,
      onServing: ({ httpUrl, operatorToken }) => console.error(`Live page: ${httpUrl}/ (trainer's console token for this run: ${operatorToken})`),
    });
    bars.done();
    if (opts.record) writeFileSync(opts.record, eventLog);
    if (opts.report) writeFileSync(opts.report, `${JSON.stringify(report, null, 2)}\n`);
    console.log(runSummary(report));
    process.exitCode = report.oracle.ok && report.precinctsReported === report.precincts ? 0 : 1;
  });

const loadtest = program
  .command('loadtest')
  .description(
    'close the polls of N simulated stations at once (or steadily) against the embedded stack or --broker/--register; checks every count against the server and prints latencies beside two baselines',
  )
  // Required, but checked in the action: `loadtest agent` takes none.
  .option('--stations <n>', 'how many stations (each its own box, key, precinct and sequence; required)', Flags.count)
  .option('--connect-rate <r>', 'new connections per second over all processes (0: as fast as they go)', Flags.nonNegative, 0)
  .addOption(new Option('--mode <mode>', 'burst: every station closes at once; steady: spread over --interval').choices(['burst', 'steady']).default('burst'))
  .option('--interval <s>', 'seconds the closes are spread over in steady mode', Flags.positive, 60)
  .option('--rate <r>', 'most new results per second over all processes (0: no cap)', Flags.nonNegative, 0)
  .option('--qos <q>', 'MQTT QoS of the stations’ publishes: 0 or 1', Flags.qos, 1)
  .addOption(new Option('--link <profile>', 'the modems’ radio link').choices(['ideal', '3g', '2g']).default('ideal'))
  .option('--loss <p>', 'chance a transfer is lost (the link profile’s own by default)', Flags.share)
  .option('--dial', 'each station connects, sends, waits for its acknowledgement and hangs up, as a modem does (the default)')
  .option('--persistent', 'each station stays connected from before the polls close')
  .option('--sessions <n>', 'most stations in a session at once, over all processes (default 2,000 when dialing)', Flags.count)
  .option(
    '--processes <k>',
    'child processes for the stations, on each agent with --agents (default: enough for the socket limit, at least 2 from 10,000 stations)',
    Flags.count,
  )
  .option(
    '--agents <list>',
    'run the stations on load agents (`loadtest agent --listen`): host:port,host:port…; this process coordinates and merges',
    (v: string) => v.split(',').map((a) => a.trim()),
  )
  .option('--seed <seed>', 'seed of every key and count', 'loadtest')
  .option('--duration <s>', 'seconds after the polls close when whatever is unacknowledged is given up', Flags.positive, 600)
  .option('--resend <ms>', 'a station’s first wait for its acknowledgement before resending (doubling, with jitter)', Flags.positive, 30_000)
  .option('--readers <n>', 'clients reading the public results API during the run', Flags.nonNegative, 0)
  .option('--reader-interval <ms>', 'each reader’s refresh interval (0: back to back)', Flags.nonNegative, 1000)
  .option('--broker <url>', 'MQTT broker of an external tally server (with --register)', Flags.mqttUrl)
  .option('--register <http>', 'HTTP base URL of that tally server', Flags.httpUrl)
  .option('--via <url>', 'the stations dial this address instead of --broker: a `shailoo-sim link-proxy` in front of it (the tools still use --broker)')
  .option('--no-baselines', 'skip the raw-broker and verification baselines')
  .option('--report <file>', 'write the JSON report')
  .option('--csv <file>', 'write a per-second time series')
  .option('--prometheus <port>', 'serve the running counters at http://127.0.0.1:PORT/metrics', Flags.port)
  .option('--profile <file>', 'write a CPU profile of the embedded tally server during the run (.cpuprofile, for Chrome DevTools)')
  .option('--server-pids <list>', 'an external tally server’s process ids on this machine (pid,pid…): its CPU per result is measured from /proc', (v: string) =>
    v.split(',').map((p) => Flags.count(p.trim())),
  )
  .option('--broker-pid <pid>', 'an external broker’s process id on this machine, measured the same way', Flags.count)
  .action(async (opts) => {
    if (opts.stations === undefined) loadtest.error("error: required option '--stations <n>' not specified");
    const env = getEnv();
    const options = loadtestOptions({
      stations: opts.stations,
      connectRate: opts.connectRate,
      mode: opts.mode,
      intervalS: opts.interval,
      rate: opts.rate,
      qos: opts.qos,
      link: opts.link,
      loss: opts.loss,
      dial: !opts.persistent,
      sessions: opts.sessions,
      processes: opts.processes,
      agents: opts.agents,
      seed: opts.seed,
      durationS: opts.duration,
      resendMs: opts.resend,
      readers: opts.readers,
      readerIntervalMs: opts.readerInterval,
      broker: opts.broker,
      register: opts.register,
      via: opts.via,
      operatorToken: env.OPERATOR_TOKEN,
      brokerSecret: env.BROKER_SECRET,
      baselines: opts.baselines,
      profile: opts.profile,
      serverPids: opts.serverPids,
      brokerPid: opts.brokerPid,
    });
    const metrics = opts.prometheus === undefined ? null : await LoadtestMetrics.listen(opts.prometheus);
    if (metrics) console.error(`shailoo-sim: load-test counters at http://127.0.0.1:${metrics.port}/metrics`);
    const bars = loadtestBars();
    const report = await runLoadtest(options, {
      log: (line) => console.error(line),
      progress: (p) => {
        bars.update(p);
        metrics?.update(p);
      },
    });
    await metrics?.close();
    if (opts.report) writeReport(opts.report, report);
    if (opts.csv) writeCsv(opts.csv, report.timeline);
    console.log(summaryTable(report));
    const problem = verdict(report);
    if (problem) console.error(`shailoo-sim: ${problem}`);
    process.exitCode = problem ? 1 : 0;
  });

loadtest
  .command('agent')
  .description('a load agent: runs station processes for a `loadtest --agents` coordinator on another machine (one per connection it opens)')
  .requiredOption('--listen <host:port>', 'address to listen on (port 0 takes a free one)')
  .option('--once', 'end (exit 0) when the first run is over: its last station process has ended (a Kubernetes Job)')
  .action(async (opts) => {
    const agent = await startAgent(opts.listen, (line) => console.error(line));
    console.log(JSON.stringify({ event: 'listening', agent: agent.address }));
    if (opts.once) void agent.idle().then(() => process.kill(process.pid, 'SIGTERM'));
    await serveUntilSignal('loadtest-agent', () => agent.close());
  });

program
  .command('replay')
  .description('drive a tally server with exactly the messages of a recorded day (`run --record`), at their virtual times')
  .argument('<file>', 'an event log written by run --record')
  .option('--speed <factor>', 'virtual seconds per real second, or max', Flags.speed)
  .option('--report <file>', 'write the JSON report')
  .option('--broker <url>', 'MQTT broker of an external tally server (with --register)', Flags.mqttUrl)
  .option('--register <http>', 'HTTP base URL of that tally server', Flags.httpUrl)
  .action(async (file: string, opts) => {
    const env = getEnv();
    const { log, sha256 } = readEventLog(file);
    const report = await replayEventLog(log, { speed: opts.speed, target: externalTarget(opts.broker, opts.register, env.OPERATOR_TOKEN, env.BROKER_SECRET) });
    if (opts.report) writeFileSync(opts.report, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `replayed ${file} (sha-256 ${sha256}): ${report.messages.uplink} uplink messages, ${report.messages.identification} identification requests in ${report.wallSeconds.toFixed(1)} s`,
    );
    for (const [id, p] of Object.entries(report.published))
      console.log(`  ${id}: ${p.precinctsReporting} precincts reporting, seats (${p.seatsStatus}) ${JSON.stringify(p.seats)}`);
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
  .description(
    `run the CEC tally server (MQTT_URL, DATABASE_URL, PGLITE_DIR, PORT, HOST, MQTT_SHARED_GROUP, TALLY_ROLE); without MQTT_URL it embeds a broker; without DATABASE_URL or PGLITE_DIR it stores in ./${DEFAULT_DATA_DIRS.tallyServer}`,
  )
  .option('--host <host>', 'HTTP address to listen on (default: HOST or 127.0.0.1)')
  .action(async (opts) => {
    const env = getEnv();
    if (env.TALLY_ROLE && env.TALLY_ROLE !== 'all' && (!env.MQTT_URL || !env.DATABASE_URL))
      throw new ConfigError(
        `TALLY_ROLE=${env.TALLY_ROLE}: the instance works in a group that shares one broker and one PostgreSQL; set MQTT_URL and DATABASE_URL`,
      );
    const host = opts.host ?? env.HOST;
    const store = durableStore(env, DEFAULT_DATA_DIRS.tallyServer);
    // The embedded broker is always secured; an external one when the server holds its secret.
    const access = brokerAccess(env, store);
    const tls = tlsFiles(env);
    const tracing = traced('shailoo-tally-server');
    const stack = await TallyStack.start({
      mqttUrl: env.MQTT_URL,
      broker: { port: env.MQTT_PORT ?? (tls.server ? 8883 : 1883), host, secured: true, tls: tls.server ?? undefined },
      brokerSecret: access.secret,
      server: {
        databaseUrl: store.url,
        dataDir: store.dataDir,
        port: env.PORT,
        host,
        operatorToken: env.OPERATOR_TOKEN,
        brokerPasswordFile: env.BROKER_PASSWORD_FILE,
        mqttCa: tls.ca,
        sharedGroup: env.MQTT_SHARED_GROUP,
        role: env.TALLY_ROLE,
        ...(env.HTTP_RATE_LIMIT !== undefined ? { requestLimits: rateLimited(env.HTTP_RATE_LIMIT) } : {}),
        https: tls.server ?? undefined,
      },
      collaborators: { tracer: tracing?.tracer },
      logger: new ServerLogger(env.LOG_VERBOSE === '1'),
    });
    const { server } = stack;
    console.log(
      JSON.stringify({
        event: 'listening',
        http: server.httpUrl,
        mqtt: redact(stack.mqttUrl),
        brokerAccess: access.described,
        database: server.database.kind,
        role: env.TALLY_ROLE ?? 'all',
        store: store.dataDir ?? redact(store.url!),
      }),
    );
    if (!env.OPERATOR_TOKEN && !(await new OperatorRepository(server.database).count()))
      console.error(
        'shailoo-sim: no OPERATOR_TOKEN and no operator in the store: nobody can register an election or close a count. Start the server with OPERATOR_TOKEN=<at least 16 characters>, or stop it and run `npx shailoo-sim operator add <name>` against its store.',
      );
    await serveUntilSignal('tally-server', async () => {
      await stack.close();
      await tracing?.shutdown();
    });
  });

program
  .command('identification')
  .description(
    `run the identification service (MQTT_URL required; DATABASE_URL or PGLITE_DIR, else ./${DEFAULT_DATA_DIRS.identification}; VOTER_SEED, REMOTE_SHARE)`,
  )
  .action(async () => {
    const env = getEnv();
    if (!env.MQTT_URL) throw new ConfigError('MQTT_URL must name the broker the identification devices use');
    // On a secured broker the service logs in as `service-identification`.
    const mqttUrl = env.BROKER_SECRET ? serviceUrl(env.MQTT_URL, env.BROKER_SECRET, 'identification') : env.MQTT_URL;
    // A broker that refuses the service would leave it listening to nothing: said now, with what to do.
    // One not up yet (started beside it) is waited for, for half a minute.
    for (const until = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 1000))) {
      try {
        await checkBrokerAccess(mqttUrl, Topics.identifyFilter, 'the identification service', BROKER_SECRET_HINT);
        break;
      } catch (err) {
        if (!brokerUnreachable(err) || Date.now() > until) throw err;
      }
    }
    const store = durableStore(env, DEFAULT_DATA_DIRS.identification);
    const database = await openDatabase(store);
    const service = await startIdentificationService({ mqttUrl, voterSeed: env.VOTER_SEED, remoteShare: env.REMOTE_SHARE, clock: new SystemClock() }, database);
    console.log(
      JSON.stringify({
        event: 'listening',
        mqtt: redact(env.MQTT_URL),
        database: database.kind,
        store: store.dataDir ?? redact(store.url!),
        elections: service.registry.allElections().length,
      }),
    );
    await serveUntilSignal('identification', async () => {
      await service.close();
      await database.close();
    });
  });

/** Runs `use` on the tally server's store (an embedded one must not be open in a running server). */
async function withOperatorStore<T>(use: (operators: OperatorRepository) => Promise<T>): Promise<T> {
  const store = durableStore(getEnv(), DEFAULT_DATA_DIRS.tallyServer);
  const db = await openDatabase({ url: store.url, dataDir: store.dataDir }).catch((err: Error) => {
    if (!/is open in process/.test(err.message)) throw err;
    throw new ConfigError(
      `${err.message}. Operators are managed in a store no tally server has open: stop the server first (or give it OPERATOR_TOKEN, or share PostgreSQL through DATABASE_URL)`,
    );
  });
  try {
    return await use(new OperatorRepository(db));
  } finally {
    await db.close();
  }
}

const STORE_HELP = `the tally server's store (DATABASE_URL, PGLITE_DIR, or ./${DEFAULT_DATA_DIRS.tallyServer}; an embedded store must not be open in a running server)`;

const operators = program.command('operator').description(`manage who may change an election (${OPERATOR_ROLES.join(', ')}) in ${STORE_HELP}`);

operators
  .command('add')
  .argument('<name>', 'the operator’s name, as it appears in the audit log')
  .option(
    '--roles <list>',
    `what they may do, comma-separated: register (elections and devices), close (close and reopen a count), revoke (revoke and re-key devices)`,
    Flags.roles,
    [...OPERATOR_ROLES],
  )
  .option('--expires <when>', 'when the token stops working: an ISO 8601 time, or a duration from now (12h, 3d)', Flags.expiry)
  .description(`add an operator to ${STORE_HELP} and print their bearer token, once`)
  .action(async (name: string, opts: { roles: OperatorRole[]; expires?: Date }) => {
    if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(name)) throw new ConfigError(`operator name ${JSON.stringify(name)}: letters, digits, . _ @ - (at most 64)`);
    const token = randomBytes(32).toString('base64url');
    await withOperatorStore(async (store) => {
      if (!(await store.add(name, tokenHash(token), opts.roles, opts.expires ?? null))) throw new ConfigError(`there is already an operator named ${name}`);
    });
    console.log(token);
    console.error(
      `shailoo-sim: operator ${name} added (${opts.roles.join(', ')}${opts.expires ? `; until ${opts.expires.toISOString()}` : ''}); the token above is shown once (only its SHA-256 is stored). Send it as "Authorization: Bearer <token>".`,
    );
  });

operators
  .command('list')
  .description(`list the operators of ${STORE_HELP}: name, roles, added, expiry, revocation (never a token)`)
  .option('--json', 'as JSON')
  .action(async (opts: { json?: boolean }) => {
    const rows = await withOperatorStore((store) => store.list());
    if (opts.json) return console.log(JSON.stringify(rows, null, 2));
    const now = Date.now();
    const state = (r: (typeof rows)[number]) =>
      r.revokedAt
        ? `revoked ${r.revokedAt.toISOString()}`
        : r.expiresAt && r.expiresAt.getTime() <= now
          ? `expired ${r.expiresAt.toISOString()}`
          : r.expiresAt
            ? `until ${r.expiresAt.toISOString()}`
            : 'active';
    console.log(
      rows.length ? rows.map((r) => `${r.name}\t${r.roles.join(',') || '-'}\tadded ${r.createdAt.toISOString()}\t${state(r)}`).join('\n') : 'no operators',
    );
  });

operators
  .command('revoke')
  .argument('<name>', 'the operator whose token stops working now')
  .description(`revoke an operator's token in ${STORE_HELP} (the audit log keeps what they did)`)
  .action(async (name: string) => {
    if (!(await withOperatorStore((store) => store.revoke(name, new Date())))) throw new ConfigError(`no active operator named ${name}`);
    console.error(`shailoo-sim: operator ${name} revoked: their token is refused from now on`);
  });

program
  .command('verify-export')
  .argument('<file>', 'an election’s record: GET /api/elections/{id}/export/audit, saved (- reads it from standard input)')
  .option('--json', 'the report as JSON')
  .option('--precinct <id>', 'also list each message stored for this precinct: device, kind, sequence, body SHA-256 (what its acknowledgements carry)')
  .description(
    'check an election’s record without trusting the server: the definition’s hash, the hash chains of operators’ actions and accepted submissions, every submission’s signature and content; then recount every territory and the seats from the signed messages alone and compare them with what was published (exit 1 on any problem)',
  )
  .action((file: string, opts: { json?: boolean; precinct?: string }) => {
    let bundle: AuditExport;
    try {
      bundle = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${file}: ${(err as Error).message}`);
    }
    if (bundle?.format !== AUDIT_FORMAT)
      throw new ConfigError(`${file} is not an election's record (${AUDIT_FORMAT}): save GET /api/elections/{id}/export/audit`);
    if (opts.precinct !== undefined && !precinctsOf(bundle.election.definition.territory).some((p) => p.id === opts.precinct))
      throw new ConfigError(`--precinct ${opts.precinct}: no such precinct in ${bundle.election.id}`);
    const report = verifyAudit(bundle, { precinct: opts.precinct });
    if (opts.json) console.log(JSON.stringify(report, null, 2));
    else {
      const root = report.recount;
      const seats = report.seats?.final ?? report.seats?.provisional;
      console.log(
        [
          `${bundle.election.id} (${bundle.election.definitionHash.slice(0, 16)}…): ${report.submissions} submissions (${report.counted} counting), ${report.operatorActions} operators' actions`,
          ...Object.entries(report.heads).map(([chain, h]) => `  ${chain} chain head: ${h.hash} after ${h.length} entries`),
          ...(root
            ? [
                `  recount: ${root.precinctsReporting} precincts reporting; ballots in the box ${root.final.ballotsInBox} (final), ${root.preliminary.ballotsInBox} (boxes)`,
                `  votes (final): ${
                  Object.entries(root.final.votes)
                    .map(([party, v]) => `${party} ${v}`)
                    .join(', ') || 'none'
                }`,
              ]
            : []),
          `  seats (${report.seats?.status ?? '-'}): ${
            seats
              ? Object.entries(seats.seats)
                  .filter(([, n]) => n > 0)
                  .map(([party, n]) => `${party} ${n}`)
                  .join(', ')
              : 'none yet'
          }`,
          report.ok
            ? 'ok: the chains hold, every message is signed, and the published count is the recount of the signed messages'
            : `${report.problems.length} problems:`,
          ...report.problems.map((p) => `  - ${p}`),
        ].join('\n'),
      );
    }
    if (!report.ok) process.exitCode = 1;
  });

program
  .command('link-proxy')
  .description(
    'put a modelled radio link between stations and a broker (a userspace TCP proxy; this kernel has no netem): latency, bandwidth, TCP segments lost and retransmitted, outages that cut and refuse connections',
  )
  .requiredOption('--to <url>', 'the broker the stations should reach, mqtt://host:port', Flags.mqttUrl)
  .option('--port <n>', 'port to listen on (0: a free one)', Flags.port, 1884)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--link <profile>', 'the link profile: ideal, 3g or 2g', '2g')
  .option('--loss <share>', 'share of TCP segments lost, each retransmitted after TCP’s timeout (default: the profile’s)', Flags.share)
  .option(
    '--outage <A-B>',
    'no coverage on any connection from minute A to minute B after start (repeatable)',
    (v: string, all: [number, number][]) => [...all, Flags.outage(v)],
    [],
  )
  .option('--speed <factor>', 'link time runs this many times faster than the wall clock (latency, timeouts, outages)', Flags.positive, 1)
  .option('--seed <seed>', 'seed of the link’s draws', 'link-proxy')
  .action(async (opts) => {
    const profile = LINK_PROFILES[opts.link];
    if (!profile) throw new ConfigError(`--link must be one of ${Object.keys(LINK_PROFILES).join(', ')}`);
    const to = new URL(opts.to);
    if (to.protocol !== 'mqtt:') throw new ConfigError('--to must be an mqtt:// URL (the proxy carries TCP; put TLS end to end behind it)');
    const clock = new AcceleratedClock(Date.now(), opts.speed);
    const start = clock.now();
    const outages = (opts.outage as [number, number][]).map(([a, b]) => ({ fromMs: start + a * 60_000, toMs: start + b * 60_000 }));
    const link = { ...profile, lossRate: opts.loss ?? profile.lossRate };
    const proxy = await LinkProxy.start(
      {
        target: { host: to.hostname, port: Number(to.port || 1883) },
        clock,
        link: (n) => new LinkModel(link, Random.stream(opts.seed, `connection/${n}`), outages),
      },
      opts.port,
      opts.host,
    );
    console.log(
      JSON.stringify({ event: 'listening', url: `mqtt://${opts.host}:${proxy.port}`, to: redact(opts.to), link, outages: opts.outage, speed: opts.speed }),
    );
    const report = () =>
      console.log(JSON.stringify({ event: 'stats', linkMinute: +((clock.now() - start) / 60_000).toFixed(2), open: proxy.connections, ...proxy.stats }));
    const timer = setInterval(report, 5000);
    await serveUntilSignal('link-proxy', async () => {
      clearInterval(timer);
      report();
      await proxy.close();
    });
  });

program
  .command('migrate')
  .description(`apply the committed migrations to DATABASE_URL (or to the embedded database in PGLITE_DIR, else ./${DEFAULT_DATA_DIRS.tallyServer})`)
  .action(async () => {
    const db = await openDatabase(durableStore(getEnv(), DEFAULT_DATA_DIRS.tallyServer));
    console.log(db.applied.length ? `applied: ${db.applied.join(', ')}` : 'schema is up to date');
    await db.close();
  });

export function main(argv = process.argv): Promise<unknown> {
  let finished = false;
  // A command still waiting when nothing is left that could wake it (every connection given up) must not exit 0 in silence.
  process.once('beforeExit', () => {
    if (finished) return;
    console.error('shailoo-sim: stopped before the command finished: nothing was left to wait for (every connection it had was refused or closed)');
    process.exitCode = 1;
  });
  return program
    .parseAsync(argv)
    .then(() => (finished = true))
    .catch((err) => {
      console.error(`shailoo-sim: ${err instanceof Error ? err.message : err}`);
      // Fatal: whatever it had started (broker, sockets) must not keep the process alive. A bad setting is the user's to fix: exit 2.
      process.exit(
        err instanceof ConfigError ||
          err instanceof ScenarioError ||
          err instanceof TargetError ||
          err instanceof LoadtestOptionsError ||
          err instanceof BrokerAccessError
          ? 2
          : 1,
      );
    });
}

if (require.main === module) void main();
