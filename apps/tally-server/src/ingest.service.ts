import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { parseUplinkTopic, sha256, v1 } from '../../../libs/contracts/src';
import { SignatureVerifier } from '../../../libs/platform/src/signature-verifier';
import { ElectionRegistry, RegisteredDevice } from './election-registry';
import { Publisher } from './publisher';
import { Quarantine, Rejection } from './quarantine';
import { KIND_SPECS, KindSpec, Submission } from './submission';
import { SubmissionStore } from './submission-store';
import { SIGNATURE_VERIFIER, TALLY_CONFIG, TallyConfig } from './tally-config';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';

export type IngestOutcome = { status: 'accepted' | 'duplicate' } | { status: 'rejected'; rejection: Rejection };

interface Authenticated {
  deviceId: string;
  sequence: number;
  bodyHash: Buffer;
}

type Checked = { submission: Submission } | { rejection: Rejection; authenticated?: Authenticated };

const reject = (reason: Rejection['reason'], detail: string): { rejection: Rejection } => ({ rejection: { reason, detail } });

/**
 * The ingest pipeline, one for every kind of message: decode → verify → validate → store →
 * acknowledge → aggregate. Nothing a message holds can throw out of here; whatever is refused
 * goes to the quarantine with its reason and never touches a tally.
 */
@Injectable()
export class IngestService implements OnModuleDestroy {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly store: SubmissionStore,
    private readonly tally: TallyService,
    private readonly quarantine: Quarantine,
    private readonly publisher: Publisher,
    private readonly metrics: TallyMetrics,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    @Inject(SIGNATURE_VERIFIER) private readonly verifier: SignatureVerifier,
  ) {}

  onModuleDestroy(): Promise<void> {
    return this.verifier.close();
  }

  async ingest(topic: string, raw: Buffer): Promise<IngestOutcome> {
    const receivedAt = this.config.clock.now();
    const located = this.locate(topic, raw);
    if ('rejection' in located) return this.refuse(topic, raw, located.rejection);
    const { envelope, device, spec } = located;
    if (!(await this.verifier.verify({ keyId: device.id, key: device.key, message: envelope.body, signature: envelope.signature }))) {
      return this.refuse(topic, raw, { reason: 'bad-signature', detail: `signature does not verify with device ${device.id}'s key` });
    }
    const checked = this.validate(topic, raw, envelope, device, spec);
    if ('rejection' in checked) return this.refuse(topic, raw, checked.rejection, checked.authenticated);
    const { submission } = checked;
    const latest = this.tally.latestSequence(submission);
    if (latest !== undefined && submission.sequence < latest && !(await this.store.isStored(submission.deviceId, submission.sequence, submission.bodyHash))) {
      return this.refuse(topic, raw, { reason: 'stale-sequence', detail: `sequence ${submission.sequence} is older than the accepted ${latest}` }, submission);
    }
    const outcome = await this.store.save(submission);
    if (outcome === 'conflict') {
      return this.refuse(topic, raw, { reason: 'sequence-reused', detail: `device ${submission.deviceId} sent another message under sequence ${submission.sequence}` }, submission);
    }
    const accepted = outcome === 'inserted';
    if (accepted) {
      this.metrics.ingested.inc({ kind: submission.kind });
      this.metrics.latency.observe((this.config.clock.now() - receivedAt) / 1000);
      if (this.tally.apply(submission, this.config.clock.now())) this.publisher.changed(submission);
    } else this.metrics.duplicates.inc();
    this.publisher.ack({
      deviceId: submission.deviceId,
      sequence: submission.sequence,
      status: accepted ? v1.AckStatus.ACK_STATUS_ACCEPTED : v1.AckStatus.ACK_STATUS_DUPLICATE,
      bodyHash: submission.bodyHash,
    });
    return { status: accepted ? 'accepted' : 'duplicate' };
  }

  private async refuse(topic: string, raw: Buffer, rejection: Rejection, authenticated?: Authenticated): Promise<IngestOutcome> {
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

  /** Decodes the envelope and finds the device that claims to have signed it. */
  private locate(topic: string, raw: Buffer): { envelope: v1.SignedEnvelope; device: RegisteredDevice; spec: KindSpec } | { rejection: Rejection } {
    let envelope: v1.SignedEnvelope;
    try {
      envelope = v1.SignedEnvelope.decode(raw);
    } catch (err) {
      return reject('malformed-envelope', (err as Error).message);
    }
    if (envelope.version !== 1) return reject('unsupported-version', `envelope version ${envelope.version}; this server speaks 1`);
    const spec = KIND_SPECS.get(envelope.kind);
    const where = parseUplinkTopic(topic);
    if (!spec || !where || where.kind !== spec.topic) return reject('unsupported-kind', `payload kind ${envelope.kind} on topic ${topic}`);
    if (where.deviceId !== envelope.deviceId) return reject('topic-mismatch', `topic ${topic} does not name device ${envelope.deviceId}`);
    const device = this.registry.device(envelope.deviceId);
    if (!device) return reject('unknown-device', `device ${envelope.deviceId} is not registered`);
    return { envelope, device, spec };
  }

  /** Checks a body whose signature verified against the registry and the law; pure but for lookups. */
  private validate(topic: string, raw: Buffer, envelope: v1.SignedEnvelope, device: RegisteredDevice, spec: KindSpec): Checked {
    const where = parseUplinkTopic(topic)!;
    const bodyHash = sha256(envelope.body);
    let message: ReturnType<KindSpec['decode']>;
    try {
      message = spec.decode(envelope.body);
    } catch (err) {
      return reject('malformed-body', (err as Error).message);
    }
    const authenticated = { deviceId: device.id, sequence: message.sequence, bodyHash };
    const refuse = (reason: Rejection['reason'], detail: string) => ({ rejection: { reason, detail }, authenticated });
    if (message.deviceId !== device.id) return refuse('device-mismatch', `body names device ${message.deviceId}, signed by ${device.id}`);
    if (!spec.deviceKinds.includes(device.kind)) return refuse('device-mismatch', `a ${device.kind} device cannot send a ${spec.kind}`);
    if (message.electionId !== where.electionId) return refuse('topic-mismatch', `body names election ${message.electionId}, topic ${where.electionId}`);
    const election = this.registry.election(message.electionId);
    if (!election) return refuse('unknown-election', `election ${message.electionId} is not registered`);
    if (device.electionId !== message.electionId) return refuse('device-mismatch', `device ${device.id} is registered for ${device.electionId}, not ${message.electionId}`);
    if (!election.hashBytes.equals(Buffer.from(message.definitionHash))) {
      return refuse('definition-mismatch', `definition hash ${Buffer.from(message.definitionHash).toString('hex')} ≠ ${election.hash}`);
    }
    if (message.precinctId !== device.precinctId) return refuse('wrong-precinct', `device ${device.id} is registered at ${device.precinctId}, message is for ${message.precinctId}`);
    if (message.sequence < 1) return refuse('out-of-range', 'sequence starts at 1');
    const voters = election.precincts.get(message.precinctId)?.registeredVoters ?? 0;
    const valid = spec.validate(message, election, voters);
    if ('rejection' in valid) return { ...valid, authenticated };
    return {
      submission: {
        kind: spec.kind,
        electionId: message.electionId,
        precinctId: message.precinctId,
        deviceId: device.id,
        sequence: message.sequence,
        payload: valid.payload,
        bodyHash,
        envelope: raw,
      },
    };
  }
}
