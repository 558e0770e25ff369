import { Topics, v1 } from '@shailoo/contracts';
import {
  addCount,
  BallotCount,
  ballotsOf,
  bishkekTime,
  cityCouncils2021,
  ELECTION_DAY,
  electionDayHour,
  ElectionDefinition,
  ayilKenesh2021,
  jogorkuKenesh2021,
  precinctsOf,
  walkTerritories,
} from '@shailoo/election';
import { Authority, precinctAuthority, serviceAuthorities, TYPICAL_BIOMETRICS } from '@shailoo/identification-device';
import { Outage } from '@shailoo/modem';
import { ManualClock, Timer } from '@shailoo/platform';
import {
  ElectionDay,
  LiveStation,
  prepareCandidateDay,
  prepareCouncilDay,
  prepareElectionDay,
  prepareStation,
  stationDevices,
  votersOf,
} from '@shailoo/scenario';
import { StationMessage, StationUplink } from '@shailoo/station';
import { driveClock, Pace } from './clock-driver';
import { LiveControl } from './live-control';
import { LiveFault } from './simulation-control';
import { encodeEventLog, LoggedMessage, MessageLog, sha256Hex } from './event-log';
import { checkElection, OracleVerdict, PrecinctTruth, PublishedElection } from './oracle';
import { Fault, minutesOf, Scenario, ScenarioError } from './scenario';
import { PublishedSummary, publishedSummary, SimulationStack, Target } from './simulation-stack';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: string;
  /** Overrides the scenario's speed. */
  speed?: number | 'max';
  /** An external tally server; the embedded stack otherwise. */
  target?: Target;
  /** Called about four times a second with the day's progress. */
  onProgress?: (p: RunProgress) => void;
  /** The embedded tally server's HTTP port (0: any free one). */
  httpPort?: number;
  /** Called once the embedded tally server serves, before the day begins: the live page and its console can watch it all. */
  onServing?: (s: { httpUrl: string; operatorToken: string }) => void;
  /** Called at the end with the result, while the embedded stack still serves (the demo waits here for Ctrl-C). */
  whenDone?: (result: RunResult, stack: SimulationStack, days: ElectionDay[]) => Promise<void>;
  /** Real time the day may take, in ms, from the stations' connecting to the last acknowledgement; past it the run fails with a RunTimeoutError naming what it still waits for. None by default. */
  timeoutMs?: number;
}

/** A station that still had messages unacknowledged when the scenario's transmission deadline passed. */
export interface GivenUpStation {
  electionId: string;
  precinctId: string;
  /** `day`: its day had not ended (a question never answered); `transmission`: its messages were not all acknowledged. */
  stage: 'day' | 'transmission';
  /** The messages still unacknowledged (`kind:sequence`), by device. */
  unacknowledged: Record<string, string[]>;
}

/** A run that did not end within its real-time limit; the message says what it still waited for. */
export class RunTimeoutError extends Error {}

export interface RunProgress {
  virtualMs: number;
  stations: number;
  opened: number;
  voting: number;
  closed: number;
  reported: number;
  identifications: number;
}

export interface FaultOutcome {
  fault: Fault;
  injected: boolean;
  caused: Record<string, unknown>;
}

/** The run's report (`--report FILE`). */
export interface RunReport {
  scenario: string;
  seed: string;
  speed: number | 'max';
  target: 'embedded' | Target;
  precincts: number;
  precinctsReported: number;
  eventLogSha256: string;
  messages: { uplink: number; identification: number };
  truth: Record<string, { votes: Record<string, number>; invalidBallots: number; ballots: number; identifiedVoters: number }>;
  published: Record<string, PublishedSummary>;
  /** Per election: whether the published seats are those the source publishes. */
  datasetSeats: Record<string, { matches: boolean; published: Record<string, number> } | null>;
  oracle: {
    ok: boolean;
    checks: number;
    mismatches: (OracleVerdict['mismatches'][number] & { electionId: string })[];
    expectedDifferences: OracleVerdict['expectedDifferences'];
  };
  faults: FaultOutcome[];
  /** Stations given up at the scenario's transmission deadline (`transmitWithinHours` after the polls close). */
  givenUp: GivenUpStation[];
  /** Faults injected from the trainer's console while the day ran. */
  liveFaults: LiveFault[];
  identificationsPerSecond: number;
  wallSeconds: number;
  virtualSeconds: number;
  peakRssMb: number;
}

export interface RunResult {
  report: RunReport;
  /** The event log's bytes (proto/shailoo/v1/event_log.proto). */
  eventLog: Buffer;
  /** Every precinct's expected differences, by election. */
  differences: Record<string, OracleVerdict['differences']>;
  /** What the simulation knows of every precinct, and what the server published, by election: the oracle's inputs. */
  evidence: Record<string, { definition: ElectionDefinition; hash: string; precincts: PrecinctTruth[]; published: PublishedElection }>;
}

/** The election days a scenario holds, prepared from its seed. */
export function scenarioDays(scenario: Scenario, seed: string): ElectionDay[] {
  const council = (no: string | number) => prepareCouncilDay(no, seed, scenario.turnout);
  switch (scenario.election.source) {
    case 'city-council-2021':
      return [council(scenario.election.council)];
    case 'city-councils-2021':
      return cityCouncils2021().map((ds) => council(ds.no));
    case 'jogorku-kenesh-2021': {
      const jk = jogorkuKenesh2021({ regions: scenario.election.regions });
      const day = prepareElectionDay(jk.definition, jk.seats, scenario.turnout ?? jk.turnout, seed, jk.definition.contests[0].rules.threshold);
      // The seats as published are the whole country's: a part of it is not expected to land on them.
      return [jk.part ? { ...day, publishedSeats: undefined } : day];
    }
    case 'ayil-kenesh-2021': {
      const ak = ayilKenesh2021();
      return [prepareCandidateDay(ak.definition, scenario.turnout ?? ak.turnout, seed)];
    }
  }
}

/** The region each precinct lies in: its id and name. */
function regionsOf(day: ElectionDay): Map<string, { id: string; name: string }> {
  const regionName = new Map<string, string>();
  const out = new Map<string, { id: string; name: string }>();
  for (const { territory, ancestors } of walkTerritories(day.definition.territory)) {
    if (territory.level === 'region') regionName.set(territory.id, territory.name);
    const id = ancestors.find((a) => regionName.has(a));
    if (territory.level === 'precinct') out.set(territory.id, { id: id ?? '', name: (id && regionName.get(id)) ?? '' });
  }
  return out;
}

/** Whether a box-jam fault names `day` (its council, or the only day there is). */
function jamsDay(fault: Extract<Fault, { kind: 'box-jam' }>, day: ElectionDay, days: readonly ElectionDay[]): boolean {
  return fault.council === undefined || days.length === 1 || day.definition.name.includes(String(fault.council));
}

/** The scenario's faults that would hit nothing on these days: each named, with what there is. */
function faultProblems(scenario: Scenario, days: readonly ElectionDay[]): string[] {
  const regions = new Set(days.flatMap((d) => [...regionsOf(d).values()].map((r) => r.name)).filter(Boolean));
  return scenario.faults.flatMap((f, n) => {
    if (f.kind === 'modems-down' && !regions.has(f.region))
      return [`faults.${n}: modems-down in region ${JSON.stringify(f.region)}: no such region on this day; its regions: ${[...regions].join(', ')}`];
    if (f.kind !== 'box-jam') return [];
    const named = days.filter((d) => jamsDay(f, d, days));
    if (!named.length)
      return [
        `faults.${n}: box-jam at council ${JSON.stringify(f.council)}: none of this day's councils is named so (${days.map((d) => d.definition.name).join(', ')})`,
      ];
    if (named.some((d) => f.precinct <= d.boxes.length)) return [];
    return [`faults.${n}: box-jam at precinct ${f.precinct}: ${named.map((d) => `${d.definition.name} has precincts 1 to ${d.boxes.length}`).join('; ')}`];
  });
}

/** How far a station's identifications have got: every one before `frontier` has been answered. */
class Frontier {
  private at = -Infinity;
  private readonly waiters: { t: number; resolve: () => void }[] = [];

  enter(t: number): void {
    this.at = Math.max(this.at, t);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].t < this.at) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
  }

  /** Resolves once every identification this station makes before `t` is answered. */
  past(t: number): Promise<void> {
    if (this.at > t) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ t, resolve }));
  }
}

/**
 * Runs a scenario's election day: the CEC side (embedded, or the target given), every precinct's
 * station — identification devices asking the identification service, the box counting, the
 * commission counting by hand, one modem per device — on one virtual clock, with the scheduled
 * faults; then reads what the tally server published and checks it against what the simulation
 * knows was cast.
 */
export async function runScenario(
  scenario: Scenario,
  options: RunOptions = {},
  days = scenarioDays(scenario, options.seed ?? scenario.seed),
): Promise<RunResult> {
  const problems = faultProblems(scenario, days);
  if (problems.length) throw new ScenarioError(`scenario ${scenario.name}: ${problems.join('; ')}`);
  const run = new ScenarioRun(scenario, options, days);
  try {
    const stack = await run.open();
    await run.prepare();
    await run.runDay();
    const result = await run.result();
    await options.whenDone?.(result, stack, days);
    return result;
  } finally {
    await run.close();
  }
}

/** The devices of one station, as the scenario's seed makes them. */
type StationDevices = ReturnType<typeof stationDevices>;

/** What a station has while its day runs: its modems, its identification links, its place on the console. */
interface OpenStation {
  uplink: StationUplink;
  live: LiveStation;
  service: Awaited<ReturnType<typeof serviceAuthorities>> | null;
}

/**
 * One run of a scenario, step by step: the CEC side opened and the elections registered, every
 * station's day on the one virtual clock (connect, vote, count, transmit — or be given up at the
 * transmission deadline), then the report with the oracle's verdict. Everything it opened is
 * closed by `close`, whatever happened.
 */
class ScenarioRun {
  readonly seed: string;
  private readonly pace: Pace;
  private readonly clock: ManualClock;
  private readonly dayStart: number;
  private readonly control: LiveControl;
  private stack: SimulationStack | null = null;
  private readonly wallStart = Date.now();
  private peakRss = process.memoryUsage().rss;
  /** Every message the devices sent, with its virtual time: the event log. */
  private readonly log = new MessageLog();
  private readonly truths: Map<string, PrecinctTruth[]>;
  private readonly devicesOf: StationDevices[][];
  private readonly registrations: { definition: ElectionDefinition; devices: StationDevices['devices'] }[];
  private readonly stations: number;
  private readonly regions: Map<string, { id: string; name: string }>;
  private readonly faults: FaultOutcome[];
  private readonly state = { asking: 0, answered: 0, busy: 0, opened: 0, voting: 0, closed: 0, reported: 0 };
  private readonly uplinks = new Set<StationUplink>();
  private readonly frontiers = new Map<string, Frontier>();
  private readonly reportedAt = new Map<string, number>();
  // Thousands of stations connecting at the same instant overrun the broker's CONNACKs: a few dozen at a time.
  private readonly connecting = limiter(32);
  private connected = 0;
  private everyoneConnected!: () => void;
  private readonly allConnected = new Promise<void>((resolve) => (this.everyoneConnected = resolve));
  /** Past the scenario's deadline on the virtual clock, a station still sending is given up. */
  private readonly givenUp: GivenUpStation[] = [];
  private readonly deadline: Promise<typeof GIVE_UP>;
  private readonly deadlineTimer: Timer;
  /** What the run still waits for, should its real-time limit pass: the stations not done, their links. */
  private readonly unfinished = new Map<string, StationUplink>();
  private readonly services = new Set<{ close(): Promise<void> }>();
  private progress: NodeJS.Timeout | undefined;
  private overdue: ReturnType<typeof realTimeLimit> | undefined;

  constructor(
    private readonly scenario: Scenario,
    private readonly options: RunOptions,
    private readonly days: ElectionDay[],
  ) {
    this.seed = options.seed ?? scenario.seed;
    this.pace = { speed: options.speed ?? scenario.speed, paused: false };
    const date = days[0].definition.date;
    this.dayStart = electionDayHour(date, ELECTION_DAY.commissionMeets);
    this.clock = new ManualClock(this.dayStart);
    this.control = new LiveControl(this.pace, this.clock);
    this.truths = new Map(days.map((d) => [d.definition.id, []]));
    this.devicesOf = days.map((day) => day.boxes.map((_, i) => stationDevices(day, this.seed, i + 1)));
    this.registrations = days.map((day, k) => ({ definition: day.definition, devices: this.devicesOf[k].flatMap((d) => d.devices) }));
    this.stations = days.reduce((s, d) => s + d.boxes.length, 0);
    this.regions = new Map(days.flatMap((day) => [...regionsOf(day)]));
    this.faults = scenario.faults.map((fault) => ({ fault, injected: false, caused: {} }));
    // The deadline's timer goes once every station has reported or been given up: the clock has no reason to go there.
    let giveUpNow!: () => void;
    this.deadline = new Promise((resolve) => (giveUpNow = () => resolve(GIVE_UP)));
    const transmitBy = electionDayHour(date, ELECTION_DAY.closes) + scenario.transmitWithinHours * 3_600_000;
    this.deadlineTimer = this.clock.setTimeout(giveUpNow, transmitBy - this.clock.now());
  }

  /** The CEC side, once open. */
  private get cec(): SimulationStack {
    if (!this.stack) throw new Error('the run has not opened its CEC side yet');
    return this.stack;
  }

  /** An election-day time (Bishkek) on the virtual clock. */
  private readonly at = (hhmm: string) => electionDayHour(this.days[0].definition.date, 0) + minutesOf(hhmm) * 60_000;

  /** Starts the CEC side: the embedded stack with the trainer's console, or the target given. */
  async open(): Promise<SimulationStack> {
    const { options, control } = this;
    this.stack = await SimulationStack.start(this.clock, this.seed, options.target, { httpPort: options.httpPort, simulation: control });
    control.toolsUrl = this.stack.serviceUrl('tools');
    return this.stack;
  }

  /** Registers the elections and devices, builds the voter lists, schedules the faults and the progress reports. */
  async prepare(): Promise<void> {
    const { clock, options, state } = this;
    const stack = this.cec;
    await stack.register(this.registrations, this.scenario.identification === 'online');
    // The stations' side of the voter lists too, before the clock starts.
    this.days.forEach((day) => votersOf(day, this.seed));
    scheduleFaults(this.faults, clock, this.at, stack, state);
    if (stack.embedded) options.onServing?.({ httpUrl: stack.target.registerUrl, operatorToken: stack.target.operatorToken! });
    this.progress = setInterval(() => {
      this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
      options.onProgress?.(this.snapshot());
    }, 250);
    clock.setTimeout(() => (state.opened = this.stations), electionDayHour(this.days[0].definition.date, ELECTION_DAY.opens) - this.dayStart);
    this.overdue = realTimeLimit(options.timeoutMs, () =>
      [
        `virtual clock at ${bishkekTime(clock.now())}`,
        stillWaiting(this.unfinished, state.asking, this.connected < this.stations ? `${this.connected} of ${this.stations} stations connected` : ''),
      ].join('; '),
    );
  }

  /** Every station's day on the virtual clock, driven until each has reported or been given up. */
  async runDay(): Promise<void> {
    const { state, uplinks } = this;
    const runs = this.days.flatMap((day, k) => {
      for (const p of precinctsOf(day.definition.territory)) this.frontiers.set(p.id, new Frontier());
      return this.devicesOf[k].map((devices, i) => this.station(day, devices, i));
    });
    const all = Promise.race([Promise.all(runs), this.overdue!.promise]);
    await Promise.race([this.allConnected, all]);
    await driveClock(this.clock, this.pace, all, {
      inFlight: () => state.asking + [...uplinks].reduce((n, u) => n + u.onWire + u.awaitingSession, 0),
      progress: () => `${state.answered}/${[...uplinks].reduce((n, u) => n + u.pending, 0)}`,
      unacknowledged: () => [...uplinks].reduce((n, u) => n + u.pending, 0),
      nextMessageAt: () => [...uplinks].reduce((t, u) => Math.min(t, u.nextDue), Infinity),
      busy: () => state.busy,
      asking: () => state.asking,
    });
    await all;
    clearInterval(this.progress);
    this.options.onProgress?.(this.snapshot());
  }

  /** One station's day: connected, its voters identified, its counts made, everything transmitted — or given up at the deadline. */
  private async station(day: ElectionDay, devices: StationDevices, i: number): Promise<void> {
    const { precinctId } = devices;
    const { uplink, live, service } = await this.openStation(day, devices);
    const frontier = this.frontiers.get(precinctId)!;
    const giveUp = (stage: GivenUpStation['stage']) => {
      this.givenUp.push({ electionId: day.definition.id, precinctId, stage, unacknowledged: uplink.unacknowledged() });
      this.transmitted();
    };
    const local = precinctAuthority(precinctId);
    const jam = this.scenario.faults.find(
      (f): f is Extract<Fault, { kind: 'box-jam' }> => f.kind === 'box-jam' && f.precinct === i + 1 && jamsDay(f, day, this.days),
    );
    const emit = (m: StationMessage) => {
      this.log.add(m.atMs, Topics.uplink(day.definition.id, m.deviceId, m.kind), m.envelope);
      uplink.send(m).catch(() => undefined);
    };
    try {
      const authority = this.paced(precinctId, frontier);
      const run = await Promise.race([
        prepareStation(
          { ...this.stationSettings(i), boxJamAtMs: jam ? this.at(jam.at) : undefined, live, emit },
          day,
          (deviceId) => authority(service ? service.authorityFor(deviceId) : local),
          devices,
        ),
        this.deadline,
      ]);
      if (run === GIVE_UP) return giveUp('day');
      frontier.enter(Infinity);
      this.state.closed++;
      this.truths.get(day.definition.id)!.push(truthOf(precinctId, run.station));
      if ((await Promise.race([uplink.drained(), this.deadline])) === GIVE_UP) return giveUp('transmission');
      this.state.reported++;
      this.transmitted();
      this.reportedAt.set(precinctId, this.clock.now());
      if (jam) {
        const outcome = this.faults.find((f) => f.fault === jam)!;
        Object.assign(outcome, { injected: true, caused: { precinctId, boxFailedAt: run.station.failedAtMs && bishkekTime(run.station.failedAtMs) } });
      }
    } finally {
      frontier.enter(Infinity);
      this.unfinished.delete(precinctId);
      if (service) this.services.delete(service);
      await service?.close();
      await uplink.stop();
      this.uplinks.delete(uplink);
    }
  }

  /** A station's modems and identification links, connected a few dozen stations at a time; resolves once every station is connected. */
  private async openStation(day: ElectionDay, devices: StationDevices): Promise<OpenStation> {
    const { precinctId } = devices;
    const { scenario } = this;
    const stack = this.cec;
    const region = this.regions.get(precinctId)?.name ?? '';
    const outages: Outage[] = scenario.faults
      .filter((f): f is Extract<Fault, { kind: 'modems-down' }> => f.kind === 'modems-down' && f.region === region)
      .map((f) => ({ fromMs: this.at(f.from), toMs: this.at(f.until) }));
    const uplink = new StationUplink(
      day.definition.id,
      devices.devices.map((d) => d.id),
      this.clock,
      { seed: this.seed, brokerUrl: stack.deviceUrl, link: scenario.modems.regions[region] ?? scenario.modems.default, outages },
    );
    this.uplinks.add(uplink);
    this.unfinished.set(precinctId, uplink);
    const live: LiveStation = {};
    this.control.add({
      electionId: day.definition.id,
      definitionHash: day.hash,
      precinctId,
      regionId: this.regions.get(precinctId)?.id ?? '',
      boxDeviceId: devices.box.identity.deviceId,
      live,
      outages,
    });
    const header = { electionId: day.definition.id, definitionHash: day.hash, precinctId };
    const service = await this.connecting(async () => {
      uplink.start();
      await uplink.connected();
      if (scenario.identification !== 'online') return null;
      const authorities = await serviceAuthorities(stack.deviceUrl, devices.identification, header, {
        timeoutMs: 600_000,
        resendMs: 5_000,
        onSend: (topic, payload, atMs) => this.log.add(atMs, topic, payload),
      });
      this.services.add(authorities);
      return authorities;
    });
    if (++this.connected === this.stations) this.everyoneConnected();
    await this.allConnected;
    return { uplink, live, service };
  }

  /**
   * A station's questions on the virtual clock: each waits for its time, and a voter of another
   * precinct is asked about only once their own precinct has asked about everyone before — so every
   * answer is the same in every run, whatever the machine's speed.
   */
  private paced(precinctId: string, frontier: Frontier): (inner: Authority) => Authority {
    const { clock, state, frontiers } = this;
    let voted = false;
    return (inner) => async (voter, atMs, method, offline) => {
      frontier.enter(atMs);
      await clock.sleepUntil(atMs);
      if (!voted) [voted, state.voting] = [true, state.voting + 1];
      if (!offline && voter.precinctId !== precinctId) await frontiers.get(voter.precinctId)?.past(atMs);
      state.asking++;
      try {
        return await inner(voter, atMs, method, offline);
      } finally {
        state.asking--;
        state.answered++;
      }
    };
  }

  /** The scenario's device settings for the station of precinct `i + 1`. */
  private stationSettings(i: number) {
    const d = this.scenario.devices;
    return {
      precinct: i + 1,
      seed: this.seed,
      boxFailureRate: d.boxFailureRate,
      handCountErrorRate: d.handCountErrorRate,
      printerFailureRate: d.printerFailureRate,
      powerCutRate: d.powerCutRate,
      biometrics: {
        ...TYPICAL_BIOMETRICS,
        fingerprintFrr: d.fingerprintFrr,
        faceFrr: d.faceFrr,
        far: d.far,
        unreadableRate: d.unreadableRate,
        falseAlreadyIdentifiedRate: d.falseAlreadyIdentifiedRate,
      },
      boxMisreadRate: d.boxMisreadRate,
      doubleVoterRate: this.scenario.doubleVoterShare,
    };
  }

  /** Once every station has reported or been given up, the deadline's timer goes. */
  private transmitted(): void {
    if (this.state.reported + this.givenUp.length === this.stations) this.clock.clearTimeout(this.deadlineTimer);
  }

  private snapshot(): RunProgress {
    return { virtualMs: this.clock.now(), stations: this.stations, ...pick(this.state), identifications: this.state.answered };
  }

  /** The report, the event log, the oracle's inputs and verdicts, read from what the tally server published. */
  async result(): Promise<RunResult> {
    const { scenario, seed, days, truths, clock } = this;
    const stack = this.cec;
    this.describeModemOutages();
    const virtualSeconds = (clock.now() - this.dayStart) / 1000;
    const { messages } = this.log;
    const eventLog = encodeEventLog({ scenario: scenario.name, seed, elections: this.registrations, messages });
    const speed = this.options.speed ?? scenario.speed;
    const { report, verdicts, published } = await reportOf(scenario, seed, speed, this.options.target, days, truths, stack, eventLog, messages, this.faults);
    report.wallSeconds = (Date.now() - this.wallStart) / 1000;
    report.virtualSeconds = virtualSeconds;
    report.identificationsPerSecond = Math.round(this.state.answered / report.wallSeconds);
    report.peakRssMb = Math.round(Math.max(this.peakRss, process.memoryUsage().rss) / 1e6);
    report.liveFaults = this.control.faults;
    report.givenUp = this.givenUp;
    const differences = Object.fromEntries(days.map((d) => [d.definition.id, verdicts[d.definition.id].differences]));
    const evidence = Object.fromEntries(
      days.map((d) => [
        d.definition.id,
        { definition: d.definition, hash: d.hash, precincts: truths.get(d.definition.id)!, published: published[d.definition.id] },
      ]),
    );
    return { report, eventLog, differences, evidence };
  }

  /** What each regional modem outage did: how many stations it held, when the last of them reported. */
  private describeModemOutages(): void {
    for (const f of this.faults.filter((o) => o.fault.kind === 'modems-down')) {
      const region = (f.fault as Extract<Fault, { kind: 'modems-down' }>).region;
      const inRegion = [...this.regions].filter(([, r]) => r.name === region).map(([p]) => p);
      f.injected = inRegion.length > 0;
      const last = Math.max(...inRegion.map((p) => this.reportedAt.get(p) ?? -Infinity));
      f.caused = { stationsInRegion: inRegion.length, lastReportedAt: Number.isFinite(last) ? bishkekTime(last) : null };
    }
  }

  /** Closes everything the run opened; after a real-time limit, the stations still running too. */
  async close(): Promise<void> {
    this.overdue?.clear();
    clearInterval(this.progress);
    await Promise.all([...this.services].map((s) => s.close()));
    await Promise.all([...this.uplinks].map((u) => u.stop()));
    await this.control.close();
    await this.stack?.close();
  }
}

/** What a station's wait resolves to once the transmission deadline has passed. */
const GIVE_UP = Symbol('give up');

/** A promise that fails with a RunTimeoutError once `ms` of real time have passed (never, without `ms`). */
function realTimeLimit(ms: number | undefined, waitingFor: () => string): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    if (ms !== undefined) timer = setTimeout(() => reject(new RunTimeoutError(`the run did not end within ${(ms / 1000).toFixed(1)} s: ${waitingFor()}`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/** The stations not done and what each still sends, for a run past its real-time limit. */
function stillWaiting(unfinished: Map<string, StationUplink>, questions: number, connecting: string): string {
  const stations = [...unfinished].map(([precinctId, uplink]) => {
    const messages = Object.entries(uplink.unacknowledged()).map(([device, ids]) => `${device}: ${ids.join(', ')}`);
    const session = uplink.awaitingSession ? `, ${uplink.awaitingSession} modem(s) without a session` : '';
    return `${precinctId} (${messages.length ? `unacknowledged ${messages.join('; ')}` : 'nothing handed to its modems yet'}${session})`;
  });
  const parts = [
    connecting,
    stations.length ? `${stations.length} station(s) not done: ${stations.slice(0, 10).join('; ')}${stations.length > 10 ? '; …' : ''}` : '',
    questions ? `${questions} identification question(s) unanswered` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'nothing left but the run’s own report';
}

/** The progress counters a caller sees. */
function pick({ opened, voting, closed, reported }: { opened: number; voting: number; closed: number; reported: number }) {
  return { opened, voting, closed, reported };
}

function truthOf(precinctId: string, station: Awaited<ReturnType<typeof prepareStation>>['station']): PrecinctTruth {
  const id = station.identification;
  const turnout: Record<number, number> = {};
  for (const m of station.messages.filter((x) => x.kind === 'turnout')) {
    const snap = v1.TurnoutSnapshot.decode(v1.SignedEnvelope.decode(m.envelope).body);
    turnout[snap.hour] = snap.voters;
  }
  const ballots = ballotsOf(station.ballots);
  return {
    precinctId,
    cast: station.ballots,
    box: station.boxCount,
    manual: station.manualCount,
    ballotsIssued: ballots,
    identified: id ? id.identifiedByFingerprint + id.identifiedByFace : 0,
    unidentified: station.unidentified,
    doubleVotes: id?.doubleVotes.length ?? 0,
    turnout,
    contests: Object.fromEntries(Object.entries(station.contests).map(([c, d]) => [c, { cast: d.ballots, box: d.boxCount, manual: d.manualCount }])),
  };
}

/** The faults on the CEC side, as timers on the virtual clock; each restart is awaited before time moves on at full speed. */
function scheduleFaults(faults: FaultOutcome[], clock: ManualClock, at: (hhmm: string) => number, stack: SimulationStack, state: { busy: number }): void {
  const later = (atMs: number, work: () => Promise<void>) =>
    clock.setTimeout(() => {
      state.busy++;
      void work().finally(() => state.busy--);
    }, atMs - clock.now());
  for (const outcome of faults) {
    const f = outcome.fault;
    if (f.kind !== 'broker-restart' && f.kind !== 'tally-server-restart') continue;
    if (!stack.embedded) {
      outcome.caused = { skipped: 'the target is an external server; only the embedded stack can be restarted' };
      continue;
    }
    const stop = at(f.at);
    const start = stop + f.downForMinutes * 60_000;
    const [down, up] =
      f.kind === 'broker-restart' ? [() => stack.stopBroker(), () => stack.startBroker()] : [() => stack.stopTallyServer(), () => stack.startTallyServer()];
    later(stop, async () => {
      const real = Date.now();
      await down();
      outcome.injected = true;
      outcome.caused.stoppedAt = bishkekTime(stop);
      outcome.caused.stopRealMs = Date.now() - real;
    });
    later(start, async () => {
      const real = Date.now();
      await up();
      outcome.caused.startedAt = bishkekTime(start);
      outcome.caused.startRealMs = Date.now() - real;
    });
  }
}

async function reportOf(
  scenario: Scenario,
  seed: string,
  speed: number | 'max',
  target: Target | undefined,
  days: ElectionDay[],
  truths: Map<string, PrecinctTruth[]>,
  stack: SimulationStack,
  eventLog: Buffer,
  logged: LoggedMessage[],
  faults: FaultOutcome[],
): Promise<{ report: RunReport; verdicts: Record<string, OracleVerdict>; published: Record<string, PublishedElection> }> {
  const verdicts: Record<string, OracleVerdict> = {};
  const publishedRaw: Record<string, PublishedElection> = {};
  const report: RunReport = {
    scenario: scenario.name,
    seed,
    speed,
    target: target ?? 'embedded',
    precincts: 0,
    precinctsReported: 0,
    eventLogSha256: sha256Hex(eventLog),
    messages: { uplink: logged.filter((m) => m.topic.includes('/up/')).length, identification: logged.filter((m) => m.topic.includes('/id/')).length },
    truth: {},
    published: {},
    datasetSeats: {},
    oracle: { ok: true, checks: 0, mismatches: [], expectedDifferences: { 'hand-count-slip': 0, 'box-failed': 0, 'box-misread': 0, 'unidentified-voters': 0 } },
    faults,
    givenUp: [],
    liveFaults: [],
    identificationsPerSecond: 0,
    wallSeconds: 0,
    virtualSeconds: 0,
    peakRssMb: 0,
  };
  for (const day of days) {
    const id = day.definition.id;
    const precincts = truths.get(id)!;
    const published = await stack.published(id);
    const verdict = checkElection(day.definition, day.hash, precincts, published);
    verdicts[id] = verdict;
    publishedRaw[id] = published;
    const cast: BallotCount = { votes: {}, invalidBallots: 0 };
    for (const p of precincts) addCount(cast, p.cast);
    report.truth[id] = { ...cast, ballots: ballotsOf(cast), identifiedVoters: precincts.reduce((s, p) => s + p.identified, 0) };
    const summary = (report.published[id] = publishedSummary(published));
    const dataset = day.publishedSeats;
    report.datasetSeats[id] = dataset ? { matches: Object.keys(dataset).every((p) => (summary.seats[p] ?? 0) === dataset[p]), published: dataset } : null;
    report.precincts += published.results.precinctsTotal;
    report.precinctsReported += published.results.precinctsReporting;
    report.oracle.ok &&= verdict.ok;
    report.oracle.checks += verdict.checks;
    report.oracle.mismatches.push(...verdict.mismatches.map((m) => ({ electionId: id, ...m })));
    for (const [k, n] of Object.entries(verdict.expectedDifferences)) report.oracle.expectedDifferences[k as keyof OracleVerdict['expectedDifferences']] += n;
  }
  return { report, verdicts, published: publishedRaw };
}

/** The lines a person reads at the end of a run. */
export function runSummary(r: RunReport): string {
  const lines = [
    `${r.scenario} (seed ${r.seed}): ${r.precinctsReported} of ${r.precincts} precincts reported, ${r.messages.uplink} messages and ${r.messages.identification} identifications in ${r.wallSeconds.toFixed(1)} s (${(r.virtualSeconds / 3600).toFixed(1)} h of election day)`,
  ];
  for (const [id, p] of Object.entries(r.published)) {
    const dataset = r.datasetSeats[id];
    const seats = Object.entries(p.seats)
      .filter(([, n]) => n > 0)
      .sort(([, a], [, b]) => b - a)
      .map(([party, n]) => `${p.parties[party] ?? party} ${n}`)
      .join(', ');
    if (seats || !p.candidateContests.length)
      lines.push(`  ${id}: seats (${p.seatsStatus}) ${seats || 'none'}${dataset ? (dataset.matches ? ' — as published' : ' — NOT as published') : ''}`);
    const districts = p.candidateContests.filter((c) => c.system === 'single-member');
    if (districts.length) {
      const decided = districts.filter((c) => c.elected.length === 1);
      lines.push(
        `  ${id}: ${decided.length} of ${districts.length} district winners (${districts.every((c) => c.status === 'final') ? 'final' : 'provisional'}), ${decided.filter((c) => c.women).length} of them women`,
      );
    }
    for (const c of p.candidateContests.filter((x) => x.system === 'village-council'))
      lines.push(`  ${c.name}: ${c.elected.length} of ${c.seats} seats (${c.status}), ${c.women} women elected, ${c.reserved} seats reserved for women`);
  }
  const diffs = Object.entries(r.oracle.expectedDifferences).filter(([, n]) => n);
  lines.push(
    r.oracle.ok
      ? `oracle: every published figure matches the truth (${r.oracle.checks} checks)${diffs.length ? `; explained differences: ${diffs.map(([k, n]) => `${k} ×${n}`).join(', ')}` : ''}`
      : `ORACLE: ${r.oracle.mismatches.length} mismatch(es): ${r.oracle.mismatches
          .slice(0, 5)
          .map((m) => `${m.territoryId} ${m.what}`)
          .join('; ')}`,
  );
  for (const f of r.faults) lines.push(`fault ${f.fault.kind}: ${f.injected ? 'injected' : 'not injected'} ${JSON.stringify(f.caused)}`);
  for (const g of r.givenUp)
    lines.push(
      `given up at the transmission deadline: ${g.precinctId} (${g.stage === 'day' ? 'its day had not ended' : 'unacknowledged'}${Object.entries(
        g.unacknowledged,
      )
        .map(([device, ids]) => ` ${device}: ${ids.join(', ')}`)
        .join(';')})`,
    );
  lines.push(`event log sha-256 ${r.eventLogSha256}`);
  return lines.join('\n');
}

/** Runs at most `n` of the tasks given to it at once. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    while (running >= n) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}
