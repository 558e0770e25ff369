import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceRegistration, TallyApi, Topics } from '@shailoo/contracts';
import { PublishedElection } from './oracle';
import { SimulationControl } from './simulation-control';
import { simulationExtension } from './simulation.controller';
import { ElectionDefinition } from '@shailoo/election';
import { IdentificationHandle, startIdentificationService } from '@shailoo/identification';
import { openDatabase } from '@shailoo/persistence';
import { Clock } from '@shailoo/platform';
import { rateLimited, TallyStack } from '@shailoo/tally-server';
import { BROKER_SECRET_HINT, checkBrokerAccess, deviceBrokerUrl, registeredPasswords, ServiceName, serviceUrl } from '@shailoo/transport';

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

/** The embedded stack's tally server: its HTTP port, and the simulation its console drives. */
export interface EmbeddedOptions {
  httpPort?: number;
  simulation?: SimulationControl;
  /** Requests a second one client address may make of the embedded server's HTTP API (0: no limit; the server's default when unset). */
  httpRateLimit?: number;
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
  private identificationDb: Awaited<ReturnType<typeof openDatabase>> | null = null;
  /** Broker passwords of the registered devices, from the registration answers. */
  private readonly passwords = new Map<string, string>();

  private constructor(
    readonly target: Target,
    private readonly clock: Clock,
    private readonly voterSeed: string,
    /** The embedded broker and tally server (null for an external target). */
    private readonly local: TallyStack | null,
    private readonly dataDir: string | null,
    private readonly brokerSecret: string | null,
  ) {}

  static async start(clock: Clock, voterSeed: string, external?: Target, embedded: EmbeddedOptions = {}): Promise<SimulationStack> {
    if (external) return new SimulationStack(external, clock, voterSeed, null, null, external.brokerSecret ?? null);
    // Secured like a real deployment: devices speak only on their own topics, with the broker
    // passwords their registration returns; the run is the only operator. Secrets of this run only.
    const brokerSecret = randomBytes(32).toString('base64url');
    const operatorToken = randomBytes(32).toString('base64url');
    // The store on disk in the run's directory, so a restart keeps what the server acknowledged.
    const dataDir = mkdtempSync(join(tmpdir(), 'shailoo-run-'));
    const local = await TallyStack.start({
      broker: SIMULATION_BROKER,
      brokerSecret,
      server: {
        port: embedded.httpPort ?? 0,
        operatorToken,
        dataDir: join(dataDir, 'tally'),
        ...(embedded.httpRateLimit !== undefined ? { requestLimits: rateLimited(embedded.httpRateLimit) } : {}),
      },
      collaborators: { clock },
      extension: embedded.simulation && simulationExtension(embedded.simulation),
    });
    return new SimulationStack({ brokerUrl: local.mqttUrl, registerUrl: local.httpUrl, operatorToken }, clock, voterSeed, local, dataDir, brokerSecret);
  }

  /** A device's broker password, where its registration gave one. */
  readonly devicePassword = (deviceId: string): string | undefined => this.passwords.get(deviceId);

  /** The broker URL of one device: with its credentials where its registration gave some. */
  readonly deviceUrl = (deviceId: string): string => deviceBrokerUrl(this.target.brokerUrl, deviceId, this.devicePassword(deviceId));

  /** The broker URL of a CEC-side tool of this run (the embedded broker's service credential), or the target's. */
  serviceUrl(name: ServiceName): string {
    return this.brokerSecret ? serviceUrl(this.target.brokerUrl, this.brokerSecret, name) : this.target.brokerUrl;
  }

  /** Fails now, saying what to do, when the broker would refuse a CEC-side tool of this run its subscription. */
  checkAccess(name: ServiceName, topic: string): Promise<void> {
    return checkBrokerAccess(this.serviceUrl(name), topic, `the run's ${name} service`, BROKER_SECRET_HINT);
  }

  get embedded(): boolean {
    return this.dataDir !== null;
  }

  /** Registers the elections and their devices with the tally server (over HTTP) and with the identification service. */
  async register(elections: { definition: ElectionDefinition; devices: DeviceRegistration[] }[], identification: boolean): Promise<void> {
    for (const e of elections) {
      const { credentials } = await this.api.register(e.definition, e.devices);
      const ids = e.devices.map((d) => d.id);
      for (const [id, password] of registeredPasswords(ids, credentials, this.brokerSecret ?? undefined)) this.passwords.set(id, password);
    }
    if (!identification) return;
    // Another's broker must let the run's identification service in; the embedded one is this run's own.
    if (!this.embedded) await this.checkAccess('identification', Topics.identifyFilter);
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
    return this.local?.broker?.cpuMs() ?? null;
  }

  /** The faults of a scenario: the embedded broker or tally server stopped, and started again on its address and store. */
  async stopBroker(): Promise<void> {
    await this.local?.stopBroker();
  }

  async startBroker(): Promise<void> {
    await this.local?.startBroker();
  }

  async stopTallyServer(): Promise<void> {
    await this.local?.stopServer();
  }

  async startTallyServer(): Promise<void> {
    await this.local?.startServer();
  }

  /**
   * The tally server's HTTP API, as the run's operator where it holds the token: its reads are then
   * answered exactly, never from an answer that lags a change.
   */
  get api(): TallyApi {
    return new TallyApi(this.target.registerUrl, this.target.operatorToken);
  }

  /** What the tally server publishes of an election: its results, every region's and district's, the seats. */
  async published(electionId: string): Promise<PublishedElection> {
    const api = this.api;
    const territories = (await Promise.all((['region', 'district'] as const).map((level) => api.level(electionId, level)))).flat();
    return { results: await api.results(electionId), territories, seats: await api.seats(electionId), contests: await api.contests(electionId) };
  }

  async close(): Promise<void> {
    await this.identification?.close();
    await this.identificationDb?.close();
    await this.local?.close();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The published figures a report carries: final votes, seats, their status. */
export interface PublishedSummary {
  /** Each party's name, by id. */
  parties: Record<string, string>;
  votes: Record<string, number>;
  seats: Record<string, number>;
  seatsStatus: string;
  precinctsReporting: number;
  /** The candidate contests (districts, village councils): who was elected, how many women, the reserve. */
  candidateContests: { contestId: string; name: string; system: string; status: string; seats: number; elected: string[]; women: number; reserved: number }[];
}

export function publishedSummary({ results, seats, contests }: PublishedElection): PublishedSummary {
  return {
    candidateContests: contests
      .filter((c) => c.system === 'single-member' || c.system === 'village-council')
      .map((c) => {
        const elected = c.elected.map((id) => c.selections.find((s) => s.id === id)!);
        const outcome = c.outcome.final ?? c.outcome.provisional;
        return {
          contestId: c.contestId,
          name: c.name,
          system: c.system,
          status: c.status,
          seats: c.seats,
          elected: elected.map((s) => s.name),
          women: elected.filter((s) => s.sex === 'F').length,
          reserved: outcome?.system === 'village-council' ? outcome.council.reserved : 0,
        };
      }),
    parties: Object.fromEntries(results.parties.map((p) => [p.id, p.name])),
    votes: Object.fromEntries(results.parties.map((p) => [p.id, p.finalVotes])),
    seats: (seats.final ?? seats.provisional)?.seats ?? {},
    seatsStatus: seats.status,
    precinctsReporting: results.precinctsReporting,
  };
}
