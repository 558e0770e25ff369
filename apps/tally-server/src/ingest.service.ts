import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { int64ToNumber, parseResultTopic, sha256, v1 } from '../../../libs/contracts/src';
import { checkProtocol } from '../../../libs/election/src';
import { SignatureVerifier } from '../../../libs/platform/src/signature-verifier';
import { Database } from '../../../libs/persistence/src';
import { ElectionRegistry, RegisteredDevice } from './election-registry';
import { Publisher } from './publisher';
import { Quarantine, Rejection } from './quarantine';
import { ResultRow, ResultStore } from './result-store';
import { DATABASE, SIGNATURE_VERIFIER, TALLY_CONFIG, TallyConfig } from './tally-config';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';

export type IngestOutcome = { status: 'accepted' | 'duplicate' } | { status: 'rejected'; rejection: Rejection };

type Checked = { row: ResultRow } | { rejection: Rejection; authenticated?: { deviceId: string; sequence: number; bodyHash: Buffer } };

const EARLIEST_CLOSE = Date.UTC(2000, 0, 1);
const LATEST_CLOSE = Date.UTC(2100, 0, 1);

const reject = (reason: Rejection['reason'], detail: string): { rejection: Rejection } => ({ rejection: { reason, detail } });

/**
 * The ingest pipeline for one message: decode → verify → validate → store → acknowledge →
 * aggregate. Nothing a message holds can throw out of here; whatever is refused goes to the
 * quarantine with its reason and never touches a tally.
 */
@Injectable()
export class IngestService implements OnModuleDestroy {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly store: ResultStore,
    private readonly tally: TallyService,
    private readonly quarantine: Quarantine,
    private readonly publisher: Publisher,
    private readonly metrics: TallyMetrics,
    @Inject(DATABASE) private readonly db: Database,
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
    const { envelope, device } = located;
    if (!(await this.verifier.verify({ keyId: device.id, key: device.key, message: envelope.body, signature: envelope.signature }))) {
      return this.refuse(topic, raw, { reason: 'bad-signature', detail: `signature does not verify with device ${device.id}'s key` });
    }
    const checked = this.validate(topic, raw, envelope, device);
    if ('rejection' in checked) return this.refuse(topic, raw, checked.rejection, checked.authenticated);
    const { row } = checked;
    const latest = this.tally.latestSequence(row.deviceId, row.electionId);
    if (latest !== undefined && row.sequence < latest && !(await this.isStored(row))) {
      return this.refuse(topic, raw, { reason: 'stale-sequence', detail: `sequence ${row.sequence} is older than the accepted ${latest}` }, row);
    }
    const outcome = await this.store.save(row);
    if (outcome === 'conflict') {
      return this.refuse(topic, raw, { reason: 'sequence-reused', detail: `device ${row.deviceId} sent another result under sequence ${row.sequence}` }, row);
    }
    const accepted = outcome === 'inserted';
    if (accepted) {
      this.metrics.ingested.inc();
      this.metrics.latency.observe((this.config.clock.now() - receivedAt) / 1000);
      if (this.tally.apply(row, this.config.clock.now())) this.publisher.aggregateChanged(row.electionId);
    } else this.metrics.duplicates.inc();
    this.publisher.ack({
      deviceId: row.deviceId,
      sequence: row.sequence,
      status: accepted ? v1.AckStatus.ACK_STATUS_ACCEPTED : v1.AckStatus.ACK_STATUS_DUPLICATE,
      bodyHash: row.bodyHash,
    });
    return { status: accepted ? 'accepted' : 'duplicate' };
  }

  private async refuse(topic: string, raw: Buffer, rejection: Rejection, authenticated?: { deviceId: string; sequence: number; bodyHash: Buffer }): Promise<IngestOutcome> {
    await this.quarantine.add(topic, raw, rejection);
    // Only a device whose signature checked out is told; anyone can claim a device id.
    if (authenticated) {
      this.publisher.ack({ ...authenticated, status: v1.AckStatus.ACK_STATUS_REJECTED, reason: `${rejection.reason}: ${rejection.detail}` });
    }
    return { status: 'rejected', rejection };
  }

  private async isStored(row: ResultRow): Promise<boolean> {
    const stored = await this.db.prisma.precinctResult.findUnique({ where: { deviceId_sequence: { deviceId: row.deviceId, sequence: row.sequence } }, select: { bodyHash: true } });
    return !!stored && Buffer.from(stored.bodyHash).equals(row.bodyHash);
  }

  /** Decodes the envelope and finds the device that claims to have signed it. */
  private locate(topic: string, raw: Buffer): { envelope: v1.SignedEnvelope; device: RegisteredDevice } | { rejection: Rejection } {
    let envelope: v1.SignedEnvelope;
    try {
      envelope = v1.SignedEnvelope.decode(raw);
    } catch (err) {
      return reject('malformed-envelope', (err as Error).message);
    }
    if (envelope.version !== 1) return reject('unsupported-version', `envelope version ${envelope.version}; this server speaks 1`);
    if (envelope.kind !== v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT) return reject('unsupported-kind', `payload kind ${envelope.kind} on a result topic`);
    const where = parseResultTopic(topic);
    if (!where || where.deviceId !== envelope.deviceId) return reject('topic-mismatch', `topic ${topic} does not name device ${envelope.deviceId}`);
    const device = this.registry.device(envelope.deviceId);
    if (!device) return reject('unknown-device', `device ${envelope.deviceId} is not registered`);
    return { envelope, device };
  }

  /** Checks a body whose signature verified against the registry and the law; pure but for lookups. */
  private validate(topic: string, raw: Buffer, envelope: v1.SignedEnvelope, device: RegisteredDevice): Checked {
    const where = parseResultTopic(topic)!;
    const bodyHash = sha256(envelope.body);
    let r: v1.PrecinctResult;
    try {
      r = v1.PrecinctResult.decode(envelope.body);
    } catch (err) {
      return reject('malformed-body', (err as Error).message);
    }
    const authenticated = { deviceId: device.id, sequence: r.sequence, bodyHash };
    const refuse = (reason: Rejection['reason'], detail: string) => ({ rejection: { reason, detail }, authenticated });
    if (r.deviceId !== device.id) return refuse('device-mismatch', `body names device ${r.deviceId}, signed by ${device.id}`);
    if (r.electionId !== where.electionId) return refuse('topic-mismatch', `body names election ${r.electionId}, topic ${where.electionId}`);
    const election = this.registry.election(r.electionId);
    if (!election) return refuse('unknown-election', `election ${r.electionId} is not registered`);
    if (device.electionId !== r.electionId) return refuse('device-mismatch', `device ${device.id} is registered for ${device.electionId}, not ${r.electionId}`);
    if (!election.hashBytes.equals(Buffer.from(r.definitionHash))) {
      return refuse('definition-mismatch', `definition hash ${Buffer.from(r.definitionHash).toString('hex')} ≠ ${election.hash}`);
    }
    if (r.precinctId !== device.precinctId) return refuse('wrong-precinct', `device ${device.id} is registered at ${device.precinctId}, result is for ${r.precinctId}`);
    if (r.sequence < 1) return refuse('out-of-range', 'sequence starts at 1');
    const closedAt = int64ToNumber(r.closedAtMs);
    if (!(closedAt >= EARLIEST_CLOSE && closedAt <= LATEST_CLOSE)) return refuse('out-of-range', `closing time ${closedAt} ms is not a date this century`);
    const votes: Record<string, number> = {};
    for (const { partyId = '', votes: count = 0 } of r.votes) {
      const pv = { partyId: partyId ?? '', votes: count ?? 0 };
      if (!election.partyIds.has(pv.partyId)) return refuse('unknown-party', `party ${pv.partyId} is not on the ballot`);
      if (pv.partyId in votes) return refuse('out-of-range', `party ${pv.partyId} is counted twice`);
      votes[pv.partyId] = pv.votes;
    }
    const contest = election.definition.contests[0];
    if (r.againstAll > 0 && !contest?.againstAll) return refuse('out-of-range', 'votes against all on a ballot without that line');
    const voters = election.precincts.get(r.precinctId)?.registeredVoters ?? 0;
    if (r.ballotsInBox > voters) return refuse('out-of-range', `${r.ballotsInBox} ballots in the box of a precinct with ${voters} voters`);
    const valid = Object.values(votes).reduce((a, b) => a + b, 0) + r.againstAll;
    const violations = checkProtocol({ ballotsInBox: r.ballotsInBox, validBallots: valid, invalidBallots: r.invalidBallots, votes, againstAll: r.againstAll });
    if (violations.length) return refuse('control-relation', violations.map((v) => v.message).join('; '));
    return {
      row: {
        electionId: r.electionId,
        precinctId: r.precinctId,
        deviceId: r.deviceId,
        sequence: r.sequence,
        votes,
        invalidBallots: r.invalidBallots,
        againstAll: r.againstAll,
        ballotsInBox: r.ballotsInBox,
        closedAt: new Date(closedAt),
        bodyHash,
        envelope: raw,
      },
    };
  }
}
