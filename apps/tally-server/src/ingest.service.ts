import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Tracer } from '@opentelemetry/api';
import { parseUplinkTopic, v1 } from '@shailoo/contracts';
import { Submission } from '@shailoo/persistence';
import { Clock, SignatureVerifier } from '@shailoo/platform';
import { DeviceMessageAuthenticator, ElectionRegistry, Refusal } from '@shailoo/registry';
import { LogFollower } from './log-follower';
import { KIND_SPECS, KindSpec } from './message-kinds';
import { Publisher } from './publisher';
import { Quarantine, Rejection } from './quarantine';
import { SubmissionStore } from './submission-store';
import { IngestTrace } from './ingest-trace';
import { ELECTION_CLOCK, SIGNATURE_VERIFIER, TALLY_SETTINGS, TallySettings, TRACER } from './tally-config';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';

export type IngestOutcome = { status: 'accepted' | 'duplicate' } | { status: 'rejected'; rejection: Rejection };

type Authenticated = NonNullable<Refusal['signedBy']>;

/**
 * The ingest pipeline, one for every kind of message: decode → verify → validate → store →
 * acknowledge → aggregate. Nothing a message holds can throw out of here; whatever is refused
 * goes to the quarantine with its reason and never touches a tally.
 */
@Injectable()
export class IngestService implements OnModuleDestroy {
  constructor(
    registry: ElectionRegistry,
    private readonly store: SubmissionStore,
    private readonly tally: TallyService,
    private readonly quarantine: Quarantine,
    private readonly publisher: Publisher,
    private readonly metrics: TallyMetrics,
    private readonly follower: LogFollower,
    @Inject(ELECTION_CLOCK) private readonly clock: Clock,
    @Inject(SIGNATURE_VERIFIER) private readonly verifier: SignatureVerifier,
    @Inject(TRACER) private readonly tracer: Tracer | null,
    @Inject(TALLY_SETTINGS) settings: Pick<TallySettings, 'role'>,
  ) {
    this.authenticator = new DeviceMessageAuthenticator(registry, verifier);
    this.aggregates = settings.role !== 'ingest';
  }

  private readonly authenticator: DeviceMessageAuthenticator;
  /** Whether this instance keeps a running tally (every role but `ingest`). */
  private readonly aggregates: boolean;

  onModuleDestroy(): Promise<void> {
    return this.verifier.close();
  }

  async ingest(topic: string, raw: Buffer): Promise<IngestOutcome> {
    const trace = IngestTrace.begin(this.tracer, topic);
    const outcome = await this.pipeline(topic, raw, trace);
    trace?.end(outcome.status, outcome.status === 'rejected' ? outcome.rejection.reason : undefined);
    return outcome;
  }

  private async pipeline(topic: string, raw: Buffer, trace: IngestTrace | null): Promise<IngestOutcome> {
    const receivedAt = this.clock.now();
    const where = parseUplinkTopic(topic);
    let spec: KindSpec | undefined;
    trace?.next('verify');
    const result = await this.authenticator.authenticate(raw, where, (kind) => {
      spec = KIND_SPECS.get(kind);
      return spec && spec.kind === where?.kind ? spec : undefined;
    });
    if ('refusal' in result) return this.refuse(topic, raw, result.refusal, result.refusal.signedBy);
    const { device, election, message, bodyHash } = result.authentic;
    trace?.identify(spec!.kind, device.id);
    trace?.next('validate');
    const signedBy = { deviceId: device.id, sequence: message.sequence, bodyHash };
    const valid = spec!.validate(message, election, election.precincts.get(message.precinctId)?.registeredVoters ?? 0);
    if ('rejection' in valid) return this.refuse(topic, raw, valid.rejection, signedBy);
    const submission = {
      kind: spec!.kind,
      electionId: message.electionId,
      precinctId: message.precinctId,
      deviceId: device.id,
      sequence: message.sequence,
      payload: valid.payload,
      bodyHash,
      envelope: raw,
      keyGeneration: device.generation,
    } as Submission;
    const closedAt = this.tally.closedAt(submission.electionId);
    if (closedAt !== null && !(await this.store.isStored(submission.deviceId, submission.sequence, submission.bodyHash))) {
      const detail = `an operator closed the count at ${new Date(closedAt).toISOString()}; nothing is counted until an operator reopens it`;
      return this.refuse(topic, raw, { reason: 'count-closed', detail }, submission);
    }
    const latest = this.tally.latestSequence(submission);
    if (latest !== undefined && submission.sequence < latest && !(await this.store.isStored(submission.deviceId, submission.sequence, submission.bodyHash))) {
      return this.refuse(topic, raw, { reason: 'stale-sequence', detail: `sequence ${submission.sequence} is older than the accepted ${latest}` }, submission);
    }
    trace?.next('commit');
    const outcome = await this.store.save(submission);
    if (typeof outcome === 'object') return this.refuse(topic, raw, { reason: 'store-refused', detail: outcome.refused }, submission);
    if (outcome === 'stale') {
      const detail = `a later ${submission.kind} of device ${submission.deviceId} for precinct ${submission.precinctId} is stored; sequence ${submission.sequence} would never count`;
      return this.refuse(topic, raw, { reason: 'stale-sequence', detail }, submission);
    }
    if (outcome === 'revoked') {
      const detail = `device ${submission.deviceId} was revoked, or given another key, by an operator before this could be stored`;
      return this.refuse(topic, raw, { reason: 'revoked', detail }, submission);
    }
    if (outcome === 'conflict') {
      return this.refuse(
        topic,
        raw,
        { reason: 'sequence-reused', detail: `device ${submission.deviceId} sent another message under sequence ${submission.sequence}` },
        submission,
      );
    }
    const accepted = outcome === 'inserted';
    if (accepted) {
      this.metrics.ingested.inc({ kind: submission.kind });
      this.metrics.latency.observe((this.clock.now() - receivedAt) / 1000);
      // An ingest-only instance keeps no tally: the aggregating instances read the row from the log.
      if (this.aggregates) {
        this.follower.storedHere(submission.deviceId, submission.sequence);
        trace?.next('tally');
        const changed = this.tally.apply(submission, this.clock.now());
        trace?.next('publish');
        if (changed) this.publisher.changed(submission);
      }
    } else this.metrics.duplicates.inc();
    trace?.next('ack');
    this.publisher.ack({
      deviceId: submission.deviceId,
      sequence: submission.sequence,
      status: accepted ? v1.AckStatus.ACK_STATUS_ACCEPTED : v1.AckStatus.ACK_STATUS_DUPLICATE,
      bodyHash: submission.bodyHash,
    });
    return { status: accepted ? 'accepted' : 'duplicate' };
  }

  private async refuse(topic: string, raw: Buffer, problem: Rejection, authenticated?: Authenticated): Promise<IngestOutcome> {
    const rejection = { reason: problem.reason, detail: problem.detail };
    await this.quarantine.add(topic, raw, rejection, authenticated?.deviceId);
    // Only a device whose signature checked out is told; anyone can claim a device id.
    if (authenticated) {
      this.publisher.ack({
        deviceId: authenticated.deviceId,
        sequence: authenticated.sequence,
        bodyHash: authenticated.bodyHash,
        status: v1.AckStatus.ACK_STATUS_REJECTED,
        reason: `${rejection.reason}: ${rejection.detail}`,
      });
    }
    return { status: 'rejected', rejection };
  }
}
