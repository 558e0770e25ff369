import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MqttClient } from 'mqtt';
import { disconnectTopic } from '@shailoo/transport';
import { int64ToNumber, parseIdentifyTopic, RefusalReason, Topics, v1 } from '@shailoo/contracts';
import { IdentificationRepository } from '@shailoo/persistence';
import { Clock, SignatureVerifier, SystemClock } from '@shailoo/platform';
import { DEFAULT_CONDUCT, DeviceConduct, DeviceMessageAuthenticator, ElectionRegistry } from '@shailoo/registry';
import { VoterRegistry, votingPrecinct } from '@shailoo/voters';

export interface IdentificationConfig {
  mqttUrl: string;
  /** Seed of the synthetic voter list (the population register of the simulation). */
  voterSeed: string;
  /** Share of voters who applied for remote voting. */
  remoteShare: number;
  clock: Clock;
  /** Paces the devices' bans in real time (the wall clock unless a test steps it). */
  timers?: Clock;
}

const IDENTIFYING_DEVICES = ['identification'] as const;

export const IDENTIFICATION_CONFIG = Symbol('IDENTIFICATION_CONFIG');
export const IDENTIFICATION_VERIFIER = Symbol('IDENTIFICATION_VERIFIER');
export const IDENTIFICATION_CLIENT = Symbol('IDENTIFICATION_CLIENT');

export type IdentifyResult = { status: 'answered'; response: v1.IIdentifyResponse } | { status: 'rejected'; reason: string; detail: string };

const METHODS: Record<number, 'fingerprint' | 'face'> = {
  [v1.IdentificationMethod.IDENTIFICATION_METHOD_FINGERPRINT]: 'fingerprint',
  [v1.IdentificationMethod.IDENTIFICATION_METHOD_FACE]: 'face',
};

/**
 * The authority for one voter, one vote across every precinct. For a device's signed request it
 * answers identified or refused. The first identification of a PIN is kept durably; a second one
 * made offline and synchronized later is recorded as a double vote with both places and times.
 *
 * What a device may learn: only about the voters on its own precinct's list (remote-voting
 * applicants assigned to it included) — identified, or already identified (when, and at which of
 * its precinct's devices' places). Of anyone else it learns "not on this list", exactly as of a PIN
 * on no list at all: not where they vote, nor whether or where they voted. An offline report of a
 * voter not on its list cannot be honest (the device identified on its own list): it is refused,
 * never recorded, and counts toward the device's ban like any refused request.
 */
@Injectable()
export class IdentificationService implements OnModuleDestroy {
  private readonly logger = new Logger('Identification');
  private readonly authenticator: DeviceMessageAuthenticator;
  private readonly lists = new Map<string, VoterRegistry>();
  /** Bans (and payload sizes) as the tally server's; no rate of its own: a simulated day asks about every voter in seconds, and the broker limits real devices. */
  private readonly conduct = new DeviceConduct({ ...DEFAULT_CONDUCT, perSecond: Infinity, burst: Infinity });
  private readonly timers: Clock;
  readonly counts = new Map<string, number>();

  constructor(
    private readonly registry: ElectionRegistry,
    private readonly identifications: IdentificationRepository,
    @Inject(IDENTIFICATION_CONFIG) private readonly config: IdentificationConfig,
    @Inject(IDENTIFICATION_VERIFIER) private readonly verifier: SignatureVerifier,
    @Inject(IDENTIFICATION_CLIENT) private readonly client: MqttClient,
  ) {
    this.authenticator = new DeviceMessageAuthenticator(registry, verifier);
    this.timers = config.timers ?? new SystemClock();
  }

  async onModuleDestroy(): Promise<void> {
    await this.verifier.close();
    await this.client.endAsync();
  }

  async identify(topic: string, raw: Buffer): Promise<IdentifyResult> {
    const where = parseIdentifyTopic(topic);
    const verdict = this.conduct.admit(where?.deviceId ?? '', raw.length, this.timers.now());
    if (verdict !== 'admit') {
      this.count(`dropped:${verdict}`);
      return { status: 'rejected', reason: verdict, detail: 'dropped before decoding' };
    }
    const result = await this.authenticator.authenticate(raw, where, (kind) =>
      kind === v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST
        ? { name: 'identification request', deviceKinds: IDENTIFYING_DEVICES, decode: (b) => v1.IdentifyRequest.decode(b) }
        : undefined,
    );
    if ('refusal' in result) {
      const { reason, detail } = result.refusal;
      this.count(`rejected:${reason}`);
      this.logger.warn(JSON.stringify({ event: 'rejected', topic, reason, detail }));
      this.misconduct(where?.deviceId ?? '', raw.length);
      return { status: 'rejected', reason, detail };
    }
    const { message: request, election } = result.authentic;
    const response = await this.decide(request, election.definition.id);
    if (request.offline && response.reason === 'not-in-list') {
      this.logger.warn(JSON.stringify({ event: 'offline-report-refused', deviceId: request.deviceId, precinctId: request.precinctId }));
      this.count('refused:offline-not-on-list');
      this.misconduct(request.deviceId, raw.length);
    }
    this.count(response.outcome === v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED ? 'identified' : `refused:${response.reason}`);
    if (response.doubleVote) this.count('double-votes');
    this.client.publish(Topics.identification(request.deviceId), Buffer.from(v1.IdentifyResponse.encode(response).finish()), { qos: 1 });
    return { status: 'answered', response };
  }

  /** The voters of an election, as the population register knows them. */
  voters(electionId: string): VoterRegistry | undefined {
    let list = this.lists.get(electionId);
    const election = this.registry.election(electionId);
    if (!list && election) {
      list = VoterRegistry.of(election.definition, { seed: this.config.voterSeed, remoteShare: this.config.remoteShare }, election.hash);
      this.lists.set(electionId, list);
    }
    return list;
  }

  /** A refused request of a device: one too many bans it, and has the broker disconnect it. */
  private misconduct(deviceId: string, bytes: number): void {
    if (!deviceId || !this.conduct.refused(deviceId, bytes, this.timers.now())) return;
    const seconds = this.conduct.limits.banMs / 1000;
    this.count('devices-banned');
    this.logger.warn(JSON.stringify({ event: 'device-banned', deviceId, forSeconds: seconds }));
    this.client.publish(disconnectTopic(deviceId), JSON.stringify({ seconds }), { qos: 1 });
  }

  private async decide(request: v1.IdentifyRequest, electionId: string): Promise<v1.IIdentifyResponse> {
    const answer = { deviceId: request.deviceId, sequence: request.sequence };
    const refused = (reason: RefusalReason, extra: Partial<v1.IIdentifyResponse> = {}) => ({
      ...answer,
      outcome: v1.IdentifyOutcome.IDENTIFY_OUTCOME_REFUSED,
      reason,
      ...extra,
    });
    const voter = this.voters(electionId)?.find(request.pin);
    // Not on this precinct's list: the device learns nothing more, whoever the voter is.
    if (!voter || votingPrecinct(voter) !== request.precinctId) return refused('not-in-list');
    const at = new Date(int64ToNumber(request.identifiedAtMs) || this.config.clock.now());
    const record = {
      electionId,
      pin: request.pin,
      precinctId: request.precinctId,
      deviceId: request.deviceId,
      method: METHODS[request.method] ?? 'fingerprint',
      identifiedAt: at,
      offline: request.offline,
    };
    if (await this.identifications.recordFirst(record)) return { ...answer, outcome: v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED };
    const first = await this.identifications.first(electionId, request.pin);
    if (!first) throw new Error(`the identification of ${request.pin} in ${electionId} was neither stored nor found`);
    // The same device asking again about the same identification: a resend, answered the same way.
    if (first.deviceId === request.deviceId && first.identifiedAt.getTime() === at.getTime())
      return { ...answer, outcome: v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED };
    const where = { identifiedPrecinctId: first.precinctId, identifiedAtMs: first.identifiedAt.getTime() };
    if (!request.offline) return refused('already-identified', where);
    await this.identifications.recordDoubleVote({
      electionId,
      pin: request.pin,
      first: { precinctId: first.precinctId, deviceId: first.deviceId, at: first.identifiedAt },
      second: { precinctId: request.precinctId, deviceId: request.deviceId, at },
    });
    this.logger.warn(JSON.stringify({ event: 'double-vote', electionId, first: where, second: { precinctId: request.precinctId, at: at.toISOString() } }));
    return refused('already-identified', { ...where, doubleVote: true });
  }

  private count(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
}
