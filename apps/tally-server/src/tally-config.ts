import { Tracer } from '@opentelemetry/api';
import { Clock } from '@shailoo/platform';
import { ConductLimits } from '@shailoo/registry';

/**
 * The tally server's settings: plain values a command line, the environment or a test sets. What
 * the server works with rather than is told (its clocks, the broker's account of what it refused)
 * are its collaborators, injected on their own.
 */
export interface TallySettings {
  /** Broker to subscribe to. */
  mqttUrl: string;
  /** PostgreSQL URL; unset for the embedded database. */
  databaseUrl?: string;
  /** Embedded database directory; unset keeps it in memory. */
  dataDir?: string;
  /** HTTP port; 0 takes a free one. */
  port: number;
  host: string;
  /** Most results written in one statement. */
  batchSize: number;
  /** How long the first result of a batch may wait for others, in ms. */
  batchDelayMs: number;
  /** Least time between two publications of one election's aggregate, in ms. */
  publishIntervalMs: number;
  /** How long after polls close (20:00) a precinct may stay silent before it is flagged, in ms. */
  reportingDeadlineMs: number;
  /** Worker threads that verify signatures; 0 verifies on the event loop. */
  verifierThreads: number;
  /** What one device may send before its messages are dropped or it is banned. */
  conduct: ConductLimits;
  /** A bearer token accepted as the operator "environment" (OPERATOR_TOKEN); operators added with the CLI are in the store. */
  operatorToken?: string;
  /**
   * The secret of a secured broker (the embedded one): the server then connects as `service-tally`
   * and hands each device it registers its broker password (see libs/transport/src/broker-access.ts).
   */
  brokerSecret?: string;
  /**
   * Mosquitto's password file (with `brokerSecret`): the server writes the services' and every
   * registered device's broker password into it, hashed; Mosquitto reloads it (deploy/broker/mosquitto-start.sh).
   */
  brokerPasswordFile?: string;
  /** PEM certificates an mqtts:// broker's certificate must chain to, beyond Node's own and NODE_EXTRA_CA_CERTS. */
  mqttCa?: string;
  /**
   * Several instances on one PostgreSQL and one Mosquitto: they subscribe as the shared group
   * `$share/<sharedGroup>/…`, so each message reaches one of them; every instance follows the
   * stored log, and one at a time (a PostgreSQL advisory lock) publishes the retained aggregates.
   */
  sharedGroup?: string;
  /**
   * What this instance does in a group on PostgreSQL (TALLY_ROLE; `all` when unset):
   *   - `all`: ingests its share of the uplink, follows every other instance's rows, serves reads and
   *     may lead the publication — each added instance then applies every result once more;
   *   - `ingest`: only verifies, stores and acknowledges (no running tally, no reads of results):
   *     the cost of a result is paid once, on one instance, however many there are;
   *   - `aggregate`: takes nothing from the uplink; follows the stored log, serves reads and the
   *     live page, and may lead the publication.
   */
  role?: TallyRole;
  /** Server-sent event streams: how many per client address and in all, how far one may fall behind (DEFAULT_STREAM_LIMITS when unset). */
  streamLimits?: StreamLimits;
  /** What one client may ask of the HTTP API, and how large an operator's body may be (DEFAULT_REQUEST_LIMITS when unset). */
  requestLimits?: RequestLimits;
  /** Serve HTTPS with this PEM key and certificate (chain). */
  https?: { key: string; cert: string };
}

export type TallyRole = 'all' | 'ingest' | 'aggregate';
export const TALLY_ROLES: readonly TallyRole[] = ['all', 'ingest', 'aggregate'];

/** What the server is given to work with. */
export interface TallyCollaborators {
  /** Election time: stamps, and the reporting deadline of the not-reported flag. */
  clock: Clock;
  /** Paces batching and publication in real time (the wall clock unless a test steps it). */
  timers: Clock;
  /** What the embedded broker refused so far, by reason (shown at /metrics); unset on an external broker. */
  brokerRefusals?: () => Promise<Partial<Record<string, number>>>;
  /** Where each message's trace goes (OpenTelemetry); unset traces nothing. */
  tracer?: Tracer;
}

/**
 * How many server-sent event streams a server holds: per client address and in all (the live page
 * holds one per open page), and how far a stream may fall behind before it is cut (a client that
 * never reads would otherwise make the server buffer every event for it).
 */
export interface StreamLimits {
  perClient: number;
  total: number;
  maxBufferedBytes: number;
}

export const TALLY_SETTINGS = Symbol('TALLY_SETTINGS');
/** The election's clock (TallyCollaborators.clock). */
export const ELECTION_CLOCK = Symbol('ELECTION_CLOCK');
/** The clock that paces batching and publication (TallyCollaborators.timers). */
export const TIMERS = Symbol('TIMERS');
export const SIGNATURE_VERIFIER = Symbol('SIGNATURE_VERIFIER');
/** The tracer of TallyCollaborators.tracer, or null. */
export const TRACER = Symbol('TRACER');

/** What one client may ask of the HTTP API, and how much it may send. */
export interface RequestLimits {
  /** Requests a second per client address (after a burst of `burst`); null: no limit. */
  perSecond: number | null;
  burst: number;
  /** The largest body an operator may send (a whole country's registration is about 2 MB of JSON). */
  maxBodyBytes: number;
  /** How long a body may take to arrive, in ms. */
  bodyTimeoutMs: number;
}

/**
 * 100 requests a second per client address, in bursts of 300: a live page asks a few a second,
 * a script polling the results ten times a second is well inside. Health checks and metrics are
 * never limited (an orchestrator and Prometheus ask on their own schedule).
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { perSecond: 100, burst: 300, maxBodyBytes: 32 * 1024 * 1024, bodyTimeoutMs: 30_000 };

/** The default limits at another rate (0: none), in bursts of three seconds' worth. */
export const rateLimited = (perSecond: number): RequestLimits => ({
  ...DEFAULT_REQUEST_LIMITS,
  perSecond: perSecond > 0 ? perSecond : null,
  burst: Math.max(1, Math.ceil(perSecond * 3)),
});
