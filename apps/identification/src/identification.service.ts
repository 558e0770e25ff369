import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MqttClient } from 'mqtt';
import { int64ToNumber, parseIdentifyTopic, RefusalReason, Topics, v1 } from '@shailoo/contracts';
import { IdentificationRepository } from '@shailoo/persistence';
import { Clock, SignatureVerifier } from '@shailoo/platform';
import { DeviceMessageAuthenticator, ElectionRegistry } from '@shailoo/registry';
import { VoterRegistry, votingPrecinct } from '@shailoo/voters';

export interface IdentificationConfig {
  mqttUrl: string;
  /** Seed of the synthetic voter list (the population register of the simulation). */
  voterSeed: string;
  /** Share of voters who applied for remote voting. */
  remoteShare: number;
  clock: Clock;
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
 * answers identified or refused (not in the list, registered at another precinct, already
 * identified — where and when). The first identification of a PIN is kept durably; a second one
 * made offline and synchronized later is recorded as a double vote with both places and times.
 */
@Injectable()
export class IdentificationService implements OnModuleDestroy {
  private readonly logger = new Logger('Identification');
  private readonly authenticator: DeviceMessageAuthenticator;
  private readonly lists = new Map<string, VoterRegistry>();
  readonly counts = new Map<string, number>();

  constructor(
    private readonly registry: ElectionRegistry,
    private readonly identifications: IdentificationRepository,
    @Inject(IDENTIFICATION_CONFIG) private readonly config: IdentificationConfig,
    @Inject(IDENTIFICATION_VERIFIER) private readonly verifier: SignatureVerifier,
    @Inject(IDENTIFICATION_CLIENT) private readonly client: MqttClient,
  ) {
    this.authenticator = new DeviceMessageAuthenticator(registry, verifier);
  }

  async onModuleDestroy(): Promise<void> {
    await this.verifier.close();
    await this.client.endAsync();
  }

  async identify(topic: string, raw: Buffer): Promise<IdentifyResult> {
    const result = await this.authenticator.authenticate(raw, parseIdentifyTopic(topic), (kind) =>
      kind === v1.PayloadKind.PAYLOAD_KIND_IDENTIFY_REQUEST
        ? { name: 'identification request', deviceKinds: IDENTIFYING_DEVICES, decode: (b) => v1.IdentifyRequest.decode(b) }
        : undefined,
    );
    if ('refusal' in result) {
      const { reason, detail } = result.refusal;
      this.count(`rejected:${reason}`);
      this.logger.warn(JSON.stringify({ event: 'rejected', topic, reason, detail }));
      return { status: 'rejected', reason, detail };
    }
    const { message: request, election } = result.authentic;
    const response = await this.decide(request, election.definition.id);
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
      list = new VoterRegistry(election.definition, { seed: this.config.voterSeed, remoteShare: this.config.remoteShare });
      this.lists.set(electionId, list);
    }
    return list;
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
    if (!voter) return refused('not-in-list');
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
    // Online, only the voter's own precinct may identify; an offline identification already happened and is recorded.
    if (await this.identifications.recordFirst(record, votingPrecinct(voter) === request.precinctId || request.offline)) {
      return { ...answer, outcome: v1.IdentifyOutcome.IDENTIFY_OUTCOME_IDENTIFIED };
    }
    const first = await this.identifications.first(electionId, request.pin);
    if (!first) return refused('other-precinct', { identifiedPrecinctId: votingPrecinct(voter) });
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
