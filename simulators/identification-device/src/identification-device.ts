import { REFUSAL_REASONS, RefusalReason } from '@shailoo/contracts';
import { Random } from '@shailoo/platform';
import { Voter } from '@shailoo/voters';

/** The steps of one identification, as the device moves through them. */
export type DeviceState = 'idle' | 'document-read' | 'voter-found' | 'matched' | 'authorized' | 'slip-printed' | 'dead';

export type AuthorityDecision = { ok: true } | { ok: false; reason: 'other-precinct' | 'already-identified' };

/**
 * The device's question to the authority for one voter, one vote: online the service. `offline`
 * marks an identification the device already made on its local list, now synchronized. An
 * authority that cannot be reached throws.
 */
export type Authority = (
  voter: Voter,
  atMs: number,
  method: 'fingerprint' | 'face',
  offline?: boolean,
) => AuthorityDecision | Promise<AuthorityDecision & { doubleVote?: DoubleVoteFound }>;

/** A second identification found when an offline device synchronized. */
export interface DoubleVoteFound {
  voterRef: string;
  otherPrecinctId: string;
  hereAtMs: number;
  thereAtMs: number;
}

/** The biometric model: how often a genuine voter's finger or face fails to match, and how often the device errs. */
export interface BiometricModel {
  /** Chance a genuine fingerprint fails one attempt (false reject). */
  fingerprintFrr: number;
  /** Chance someone else's finger or face matches a voter's template (false accept). */
  far: number;
  /** Chance a genuine face fails (false reject). */
  faceFrr: number;
  /** Fingerprint attempts before falling back to the face. */
  retries: number;
  /** Chance the document cannot be read (worn card, dirty reader). */
  unreadableRate: number;
  /** Chance the device wrongly says "already identified" to a voter who has not voted. */
  falseAlreadyIdentifiedRate: number;
}

export const TYPICAL_BIOMETRICS: BiometricModel = {
  fingerprintFrr: 0.03,
  far: 0.0001,
  faceFrr: 0.1,
  retries: 3,
  unreadableRate: 0.002,
  falseAlreadyIdentifiedRate: 0,
};

/** Seconds each step takes, drawn between the two bounds (seeded). */
export const STEP_SECONDS = { readDocument: [3, 8], lookup: [1, 2], fingerprint: [2, 5], face: [4, 8], printSlip: [2, 4] } as const;

export type Printer = 'working' | 'prints-nothing' | 'out-of-paper';

export interface Identification {
  outcome: 'identified' | 'refused';
  reason?: RefusalReason;
  method?: 'fingerprint' | 'face';
  /** Whether the voter left with a slip to exchange for a ballot. */
  slip: boolean;
  /** When the device finished with the voter. */
  doneAtMs: number;
}

export interface IdentificationSummary {
  identifiedByFingerprint: number;
  identifiedByFace: number;
  refused: Record<RefusalReason, number>;
  slipsPrinted: number;
  /** Identified on the local list while the service could not be reached. */
  identifiedOffline: number;
  doubleVotes: DoubleVoteFound[];
}

/**
 * An identification device as an explicit state machine: read the document, look the voter up in
 * the precinct's list, match the fingerprint (retries, then the face), ask the identification
 * service — or, when it cannot be reached, the precinct's own list, queueing the identification
 * for synchronization — and print the slip once. Failures are injected: a printer that prints nothing or runs out of paper, a
 * power cut after which the battery lasts 2–3 hours, and a device that wrongly says "already
 * identified". At close it gives the identification summary report.
 */
export class IdentificationDevice {
  private current: DeviceState = 'idle';
  private printer: Printer = 'working';
  private deadAtMs = Infinity;
  private readonly summary: IdentificationSummary = {
    identifiedByFingerprint: 0,
    identifiedByFace: 0,
    refused: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>,
    slipsPrinted: 0,
    identifiedOffline: 0,
    doubleVotes: [],
  };
  /** Identifications made offline, waiting to be synchronized with the service. */
  private readonly unsynced: { voter: Voter; atMs: number; method: 'fingerprint' | 'face' }[] = [];

  constructor(
    readonly deviceId: string,
    private readonly list: (pin: string) => Voter | undefined,
    private readonly authority: Authority,
    /** The precinct's own list, used when the service cannot be reached. */
    private readonly localAuthority: Authority,
    private readonly random: Random,
    private readonly biometrics: BiometricModel = TYPICAL_BIOMETRICS,
  ) {}

  get state(): DeviceState {
    return this.current;
  }

  /** The printer fails from now on. */
  failPrinter(how: Exclude<Printer, 'working'>): void {
    this.printer = how;
  }

  /** Mains power is lost at `atMs`: the battery keeps the device running 2 to 3 hours. */
  losePower(atMs: number): void {
    this.deadAtMs = Math.min(this.deadAtMs, atMs + (2 + this.random.next()) * 3_600_000);
  }

  /** One voter at the device, from their document to their slip. */
  async identify(pin: string, atMs: number, impostor = false): Promise<Identification> {
    if (this.current === 'dead' || atMs >= this.deadAtMs) {
      this.current = 'dead';
      throw new Error(`device ${this.deviceId} has no power`);
    }
    if (this.current !== 'idle') throw new Error(`device ${this.deviceId} is busy (${this.current})`);
    let t = atMs + this.step('readDocument');
    const refuse = (reason: RefusalReason): Identification => {
      this.summary.refused[reason]++;
      this.current = 'idle';
      return { outcome: 'refused', reason, slip: false, doneAtMs: t };
    };
    if (this.random.next() < this.biometrics.unreadableRate) return refuse('unreadable-document');
    this.current = 'document-read';
    t += this.step('lookup');
    const voter = this.list(pin);
    if (!voter) return refuse('not-in-list');
    this.current = 'voter-found';
    let method: 'fingerprint' | 'face' | null = null;
    const matches = (frr: number) => (impostor ? this.random.next() < this.biometrics.far : this.random.next() >= frr);
    for (let i = 0; i < this.biometrics.retries && !method; i++) {
      t += this.step('fingerprint');
      if (matches(this.biometrics.fingerprintFrr)) method = 'fingerprint';
    }
    if (!method) {
      t += this.step('face');
      if (matches(this.biometrics.faceFrr)) method = 'face';
    }
    if (!method) return refuse('biometric-mismatch');
    this.current = 'matched';
    if (this.random.next() < this.biometrics.falseAlreadyIdentifiedRate) return refuse('already-identified');
    let decision: AuthorityDecision;
    try {
      decision = await this.authority(voter, t, method);
    } catch {
      // The service cannot be reached: decide on the precinct's list and synchronize later.
      decision = await this.localAuthority(voter, t, method);
      if (decision.ok) {
        this.unsynced.push({ voter, atMs: t, method });
        this.summary.identifiedOffline++;
      }
    }
    if (!decision.ok) return refuse(decision.reason);
    this.current = 'authorized';
    if (method === 'fingerprint') this.summary.identifiedByFingerprint++;
    else this.summary.identifiedByFace++;
    const slip = this.printSlip();
    t += this.step('printSlip');
    this.current = 'idle';
    return { outcome: 'identified', method, slip, doneAtMs: t };
  }

  /** Sends the identifications made offline to the service; returns the double votes it found. */
  async sync(): Promise<DoubleVoteFound[]> {
    const found: DoubleVoteFound[] = [];
    while (this.unsynced.length) {
      const { voter, atMs, method } = this.unsynced[0];
      const answer = await this.authority(voter, atMs, method, true);
      this.unsynced.shift();
      if ('doubleVote' in answer && answer.doubleVote) found.push(answer.doubleVote);
    }
    this.summary.doubleVotes.push(...found);
    return found;
  }

  get pendingSync(): number {
    return this.unsynced.length;
  }

  /** The identification summary report (идентификациянын жыйынтыктоочу отчету). */
  report(): IdentificationSummary {
    return { ...this.summary, refused: { ...this.summary.refused }, doubleVotes: [...this.summary.doubleVotes] };
  }

  private printSlip(): boolean {
    if (this.current !== 'authorized') throw new Error(`cannot print a slip when ${this.current}`);
    if (this.printer !== 'working') return false;
    this.current = 'slip-printed';
    this.summary.slipsPrinted++;
    return true;
  }

  private step(name: keyof typeof STEP_SECONDS): number {
    const [lo, hi] = STEP_SECONDS[name];
    return (lo + (hi - lo) * this.random.next()) * 1000;
  }
}
