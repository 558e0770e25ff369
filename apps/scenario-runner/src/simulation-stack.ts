import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceRegistration, ElectionResults, SeatsView } from '@shailoo/contracts';
import { PublishedElection } from './oracle';
import { ElectionDefinition } from '@shailoo/election';
import { IdentificationHandle, startIdentificationService } from '@shailoo/identification';
import { openDatabase } from '@shailoo/persistence';
import { Clock } from '@shailoo/platform';
import { SimulationControl, startTallyServer, tallyConfig, TallyServerHandle } from '@shailoo/tally-server';
import { BrokerRefusal, deviceBrokerUrl, EmbeddedBroker, ServiceName, serviceUrl } from '@shailoo/transport';

/** Where the simulated stations send: a broker and a tally server's HTTP base URL. */
export interface Target {
  brokerUrl: string;
  registerUrl: string;
  /** The operator's bearer token that registers elections and devices (OPERATOR_TOKEN). */
  operatorToken?: string;
  /** The broker's secret (BROKER_SECRET), where this side holds it: the run's tools then log in as `service-tools`. */
  brokerSecret?: string;
}

/** A tally server given by its broker and HTTP base URL, which go together; none: the embedded stack. */
export function externalTarget(broker?: string, register?: string, operatorToken?: string, brokerSecret?: string): Target | undefined {
  if (!broker && !register) return undefined;
  if (!broker || !register) throw new TargetError('--broker and --register go together: the tally server’s MQTT broker and its HTTP base URL');
  return { brokerUrl: broker, registerUrl: register, operatorToken, brokerSecret };
}

/** The run's broker: in its own process (a country's sockets), secured; no rate limit, since virtual time runs faster than real. */
const SIMULATION_BROKER = { childProcess: true, secured: true, limits: { perSecond: null } };

/** The headers of an operator's call. */
export function operatorHeaders(token: string | undefined): Record<string, string> {
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** The embedded stack's tally server: its HTTP port, and the simulation its console drives. */
export interface EmbeddedOptions {
  httpPort?: number;
  simulation?: SimulationControl;
}

/** A target named by half. */
export class TargetError extends Error {}

/**
 * The CEC side a run drives: the embedded broker and tally server (its store on disk in a temporary
 * directory, so a restart keeps what it acknowledged), or an external one given by URL. Either
 * way stations reach it only over MQTT and HTTP; only the embedded one can be restarted.
 */
export class SimulationStack {
  private identification: IdentificationHandle | null = null;
  private simulation: SimulationControl | undefined;
  private identificationDb: Awaited<ReturnType<typeof openDatabase>> | null = null;
  /** Broker passwords of the registered devices, from the registration answers. */
  private readonly passwords = new Map<string, string>();

  private constructor(
    readonly target: Target,
    private readonly clock: Clock,
    private readonly voterSeed: string,
    private broker: EmbeddedBroker | null,
    private server: TallyServerHandle | null,
    private readonly dataDir: string | null,
    private readonly brokerSecret: string | null,
  ) {}

  static async start(clock: Clock, voterSeed: string, external?: Target, embedded: EmbeddedOptions = {}): Promise<SimulationStack> {
    if (external) return new SimulationStack(external, clock, voterSeed, null, null, null, external.brokerSecret ?? null);
    // Secured like a real deployment: devices speak only on their own topics, with the broker
    // passwords their registration returns; the run is the only operator. Secrets of this run only.
    const brokerSecret = randomBytes(32).toString('base64url');
    const broker = await EmbeddedBroker.start(0, undefined, SIMULATION_BROKER);
    broker.secure(brokerSecret);
    const dataDir = mkdtempSync(join(tmpdir(), 'shailoo-run-'));
    const operatorToken = randomBytes(32).toString('base64url');
    // Read at /metrics only, once the stack exists (and after a restart, from the broker then running).
    const refusals = () => stack.brokerRefusals();
    const server = await SimulationStack.serve(dataDir, {
      mqttUrl: broker.url,
      port: embedded.httpPort ?? 0,
      clock,
      operatorToken,
      brokerSecret,
      simulation: embedded.simulation,
      brokerRefusals: refusals,
    });
    const stack: SimulationStack = new SimulationStack(
      { brokerUrl: broker.url, registerUrl: server.httpUrl, operatorToken },
      clock,
      voterSeed,
      broker,
      server,
      dataDir,
      brokerSecret,
    );
    stack.simulation = embedded.simulation;
    return stack;
  }

  /** A device's broker password, where its registration gave one. */
  readonly devicePassword = (deviceId: string): string | undefined => this.passwords.get(deviceId);

  /** The broker URL of one device: with its credentials where its registration gave some. */
  readonly deviceUrl = (deviceId: string): string => deviceBrokerUrl(this.target.brokerUrl, deviceId, this.devicePassword(deviceId));

  /** The broker URL of a CEC-side tool of this run (the embedded broker's service credential), or the target's. */
  serviceUrl(name: ServiceName): string {
    return this.brokerSecret ? serviceUrl(this.target.brokerUrl, this.brokerSecret, name) : this.target.brokerUrl;
  }

  /** What the embedded broker refused so far, by reason (empty for an external broker). */
  async brokerRefusals(): Promise<Partial<Record<BrokerRefusal, number>>> {
    return (await this.broker?.refusals()) ?? {};
  }

  get embedded(): boolean {
    return this.dataDir !== null;
  }

  /** Registers the elections and their devices with the tally server (over HTTP) and with the identification service. */
  async register(elections: { definition: ElectionDefinition; devices: DeviceRegistration[] }[], identification: boolean): Promise<void> {
    for (const e of elections) {
      const res = await fetch(`${this.target.registerUrl}/api/elections`, {
        method: 'POST',
        headers: operatorHeaders(this.target.operatorToken),
        body: JSON.stringify(e),
      });
      if (!res.ok) throw new Error(`the tally server refused ${e.definition.id}: ${res.status} ${await res.text()}`);
      const { credentials } = (await res.json()) as { credentials?: Record<string, string> };
      for (const [id, password] of Object.entries(credentials ?? {})) this.passwords.set(id, password);
    }
    if (!identification) return;
    // The identification service of the simulated CEC: its own store, the run's population register.
    this.identificationDb = await openDatabase({ dataDir: 'memory://' });
    this.identification = await startIdentificationService(
      { mqttUrl: this.serviceUrl('identification'), voterSeed: this.voterSeed, remoteShare: 0, clock: this.clock },
      this.identificationDb,
    );
    for (const e of elections) {
      await this.identification.registry.register(e.definition, e.devices);
      // The population register is built now, before the first voter (a country's takes tens of seconds).
      this.identification.service.voters(e.definition.id);
    }
  }

  /** CPU time of the embedded broker so far, in ms (null for an external one). */
  brokerCpuMs(): number | null {
    return this.broker?.cpuMs() ?? null;
  }

  async stopBroker(): Promise<void> {
    await this.broker?.close();
  }

  async startBroker(): Promise<void> {
    const port = Number(new URL(this.target.brokerUrl).port);
    this.broker = await EmbeddedBroker.start(port, undefined, SIMULATION_BROKER);
    this.broker.secure(this.brokerSecret!);
  }

  async stopTallyServer(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  async startTallyServer(): Promise<void> {
    const port = Number(new URL(this.target.registerUrl).port);
    this.server = await SimulationStack.serve(this.dataDir!, {
      mqttUrl: this.target.brokerUrl,
      port,
      clock: this.clock,
      operatorToken: this.target.operatorToken,
      brokerSecret: this.brokerSecret!,
      simulation: this.simulation,
      brokerRefusals: () => this.brokerRefusals(),
    });
  }

  /** The run's tally server: its store in the run's directory. */
  private static serve(runDir: string, config: Omit<Parameters<typeof tallyConfig>[0], 'dataDir'>): Promise<TallyServerHandle> {
    return startTallyServer(tallyConfig({ ...config, dataDir: join(runDir, 'tally') }));
  }

  /** Reads a path of the tally server's public HTTP API. */
  async read<T>(path: string): Promise<T> {
    return (await this.fetchJson<T>(path)).body;
  }

  /** The results of every territory of a level, read a page at a time. */
  async level<T = ElectionResults>(electionId: string, level: 'region' | 'district' | 'precinct'): Promise<T[]> {
    const all: T[] = [];
    for (;;) {
      const { body, headers } = await this.fetchJson<T[]>(`/api/elections/${electionId}/results?level=${level}&offset=${all.length}&limit=5000`);
      all.push(...body);
      if (!body.length || all.length >= Number(headers.get('x-total-count'))) return all;
    }
  }

  /** An operator's reads (where the run holds the token) are answered exactly, never from an answer that lags a change. */
  private async fetchJson<T>(path: string): Promise<{ body: T; headers: Headers }> {
    const token = this.target.operatorToken;
    const res = await fetch(`${this.target.registerUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : undefined);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return { body: (await res.json()) as T, headers: res.headers };
  }

  /** What the tally server publishes of an election: its results, every region's and district's, the seats. */
  async published(electionId: string): Promise<PublishedElection> {
    const results = await this.read<ElectionResults>(`/api/elections/${electionId}/results`);
    const territories = (await Promise.all((['region', 'district'] as const).map((level) => this.level(electionId, level)))).flat();
    return { results, territories, seats: await this.read<SeatsView>(`/api/elections/${electionId}/seats`) };
  }

  async close(): Promise<void> {
    await this.identification?.close();
    await this.identificationDb?.close();
    await this.server?.close();
    await this.broker?.close();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The published figures a report carries: final votes, seats, their status. */
export interface PublishedSummary {
  votes: Record<string, number>;
  seats: Record<string, number>;
  seatsStatus: string;
  precinctsReporting: number;
}

export function publishedSummary({ results, seats }: PublishedElection): PublishedSummary {
  return {
    votes: Object.fromEntries(results.parties.map((p) => [p.id, p.finalVotes])),
    seats: (seats.final ?? seats.provisional)?.seats ?? {},
    seatsStatus: seats.status,
    precinctsReporting: results.precinctsReporting,
  };
}
