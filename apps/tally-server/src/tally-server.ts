import { INestApplication, Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { Database, Leadership, LogNotifications, openDatabase, RejectionRepository, SubmissionRepository } from '@shailoo/persistence';
import { SystemClock } from '@shailoo/platform';
import { DEFAULT_CONDUCT, ElectionRegistry } from '@shailoo/registry';
import { BinaryMqttServer, serviceUrl } from '@shailoo/transport';
import { BrokerAccounts } from './broker-accounts';
import { Health } from './health';
import { IngestController } from './ingest.controller';
import { LogFollower } from './log-follower';
import { OperatorAuth } from './operator-auth';
import { requestGate } from './request-gate';
import { Publisher } from './publisher';
import { DEFAULT_REQUEST_LIMITS, TallyCollaborators, TallySettings } from './tally-config';
import { TallyMetrics } from './tally-metrics';
import { TallyServerExtension, TallyServerModule } from './tally-server.module';
import { TallyService } from './tally.service';

/** The advisory lock whose holder publishes the retained aggregates ("shailoo" in ASCII, as a key). */
const PUBLISHER_LOCK = 0x7368_6169;

export interface TallyServerHandle {
  app: INestApplication;
  database: Database;
  httpUrl: string;
  registry: ElectionRegistry;
  tally: TallyService;
  submissions: SubmissionRepository;
  rejections: RejectionRepository;
  close(): Promise<void>;
}

/** What an ingest-only instance cannot answer: it keeps no tally (results, seats, territories, precincts, event streams, exports, the live page). Routes match regardless of case, as Express's do. */
const TALLY_READS = /^\/(?:$|live\/|api\/elections\/[^/]+\/(?:results|seats|territories|precincts|events|export)(?:\/|$))/i;
/** Nor an operator's close or reopening, whose answer is the seats. */
const TALLY_CLOSES = /^\/api\/elections\/[^/]+\/(?:close|reopen)\/?$/i;

/** On an ingest-only instance, a read of the tally is answered 503 with where to read instead (never zeros from a tally it does not keep). */
function refuseReads(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = (req.url ?? '/').split('?')[0];
  const read = (req.method === 'GET' || req.method === 'HEAD') && TALLY_READS.test(path);
  if (!read && !(req.method === 'POST' && TALLY_CLOSES.test(path))) return next();
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' }).end(
    JSON.stringify({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'this tally server only ingests (TALLY_ROLE=ingest) and keeps no tally: read results from an instance with TALLY_ROLE=aggregate or all',
    }),
  );
}

/** The tally server's settings: the defaults, with what is given. */
export function tallySettings(overrides: Partial<TallySettings> & Pick<TallySettings, 'mqttUrl'>): TallySettings {
  return {
    port: 3000,
    host: '127.0.0.1',
    batchSize: 2000,
    batchDelayMs: 5,
    publishIntervalMs: 200,
    reportingDeadlineMs: 2 * 60 * 60 * 1000,
    verifierThreads: availableParallelism() > 1 ? 1 : 0,
    conduct: DEFAULT_CONDUCT,
    ...overrides,
  };
}

/** What a tally server is given beside its settings: its collaborators (the system's clocks by default), a logger, and an extension's controllers and providers. */
export interface TallyServerOptions extends Partial<TallyCollaborators> {
  logger?: LoggerService | false;
  extension?: TallyServerExtension;
}

/**
 * Starts the CEC tally server: a Nest hybrid application, HTTP plus an MQTT microservice on the
 * binary-safe server. The store is opened (and migrated) first, then the registry and the totals
 * are rebuilt from it, and only then does the server subscribe, so nothing is acknowledged early.
 */
export async function startTallyServer(given: TallySettings, options: TallyServerOptions = {}): Promise<TallyServerHandle> {
  const { logger = false, extension, clock = new SystemClock(), timers = new SystemClock(), brokerRefusals, tracer } = options;
  const collaborators: TallyCollaborators = { clock, timers, brokerRefusals, tracer };
  // On a secured broker the server's own clients are the service `service-tally`.
  const config = given.brokerSecret ? { ...given, mqttUrl: serviceUrl(given.mqttUrl, given.brokerSecret, 'tally') } : given;
  const role = config.role ?? 'all';
  if (role !== 'all' && !config.databaseUrl)
    throw new Error(`a tally server with the role ${role} works in a group that shares one PostgreSQL: it needs a database URL (DATABASE_URL)`);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const app = await NestFactory.create<NestExpressApplication>(TallyServerModule.forRoot(config, collaborators, database, extension), {
    logger,
    abortOnError: false,
    // The request gate runs first (rates, an operator's credential from the headers), then the parser.
    bodyParser: false,
    ...(config.https ? { httpsOptions: config.https } : {}),
  });
  // Behind a proxy on a private network (docker-compose's nginx) a client is who X-Forwarded-For
  // names, for the per-client limits of requests and event streams; from anywhere else, the socket's address.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const limits = config.requestLimits ?? DEFAULT_REQUEST_LIMITS;
  const metrics = app.get(TallyMetrics);
  const { gate, beforeContinue } = requestGate(app.get(OperatorAuth), limits, (reason) => metrics.refusedRequests.inc({ reason }));
  app.use(gate);
  // Bodies of state-changing calls only (the gate refuses a read's).
  app.useBodyParser('json', {
    limit: limits.maxBodyBytes,
    type: (req: IncomingMessage) =>
      !/^(GET|HEAD|OPTIONS)$/.test(req.method ?? '') && /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(String(req.headers['content-type'] ?? '')),
  });
  if (collaborators.brokerRefusals) app.get(TallyMetrics).countBrokerRefusals(collaborators.brokerRefusals);
  const registry = app.get(ElectionRegistry);
  const tally = app.get(TallyService);
  const start = await tally.rebuild(await registry.load(), role !== 'ingest');
  for (const [electionId, problem] of registry.unservable)
    new Logger('TallyServer').warn(JSON.stringify({ event: 'election-unservable', electionId, problem }));
  await app.get(BrokerAccounts).open();
  const publisher = app.get(Publisher);
  await publisher.connect();
  const lead = (leading: boolean) => {
    publisher.lead(leading);
    app.get(TallyMetrics).leader.set(leading ? 1 : 0);
  };
  // On PostgreSQL other instances may share the store: follow its log, and publish only while leading.
  let leadership: Leadership | null = null;
  let notifications: LogNotifications | null = null;
  // An ingest-only instance follows only new elections and closes, and never publishes aggregates.
  if (config.databaseUrl) {
    const follower = app.get(LogFollower);
    follower.start(start, role !== 'ingest');
    if (role !== 'ingest') {
      notifications = await LogNotifications.start(config.databaseUrl, () => follower.wake());
      leadership = await Leadership.start(config.databaseUrl, PUBLISHER_LOCK, lead);
    } else lead(false);
  } else lead(true);
  if (role === 'ingest') app.use(refuseReads);
  const openapi = new DocumentBuilder()
    .setTitle('shailoo-sim tally server')
    .setDescription('The CEC tally server: results, seats, quarantine, exports. Devices speak MQTT + protobuf (see proto/ and the README).')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi));
  // An aggregating instance takes nothing from the uplink: the ingest instances store it.
  const uplink =
    role === 'aggregate' ? null : BinaryMqttServer.forBroker(config.mqttUrl, 'tally-server', { ca: config.mqttCa, sharedGroup: config.sharedGroup });
  if (uplink) app.connectMicroservice({ strategy: uplink }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.port, config.host);
  const httpServer = app.getHttpServer();
  // A client that sends its headers slower than this is cut (Node's default is a minute).
  httpServer.headersTimeout = 10_000;
  httpServer.on(
    'checkContinue',
    beforeContinue((req, res) => httpServer.emit('request', req, res)),
  );
  const address = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    database,
    httpUrl: `${config.https ? 'https' : 'http'}://${config.host}:${address.port}`,
    registry,
    tally,
    submissions: app.get(SubmissionRepository),
    rejections: app.get(RejectionRepository),
    close: async () => {
      // In order: say not ready, take no more messages, let those taken through (committed, then
      // acknowledged), give up leading, then Nest's hooks: the publisher's last acks and aggregates,
      // the event streams closed, the store's queue drained; the database last.
      app.get(Health).stop();
      uplink?.close();
      await app.get(IngestController).stop();
      await leadership?.close();
      await notifications?.close();
      await app.close();
      await database.close();
    },
  };
}
