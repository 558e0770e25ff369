import { Clock } from '@shailoo/platform';
import { Inject, Injectable } from '@nestjs/common';
import { sha256 } from '@shailoo/contracts';
import { AuditRepository, OperatorRepository, RejectionRepository, SubmissionRepository } from '@shailoo/persistence';
import { ElectionRegistry } from '@shailoo/registry';
import { AUDIT_FORMAT, AuditExport } from './audit';
import { electionEventLog, electionResultsReport } from './nist-export';
import { ELECTION_CLOCK } from './tally-config';
import { TallyService } from './tally.service';

/** The NIST exports of an election, from the running tally and the stored log; null for an unknown election. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly tally: TallyService,
    private readonly submissions: SubmissionRepository,
    private readonly rejections: RejectionRepository,
    private readonly operators: OperatorRepository,
    private readonly records: AuditRepository,
    @Inject(ELECTION_CLOCK) private readonly clock: Clock,
  ) {}

  resultsReport(id: string) {
    const election = this.registry.election(id);
    if (!election) return null;
    return electionResultsReport({
      election,
      territories: new Map(this.tally.territories(id).map((t) => [t.territoryId, t])),
      seats: this.tally.seats(id)!,
      contests: this.tally.contests(id)!,
      contestAt: (contestId, territoryId) => this.tally.contestCounts(id, contestId, territoryId),
      generatedAt: new Date(this.clock.now()),
      vendor: 'shailoo-sim',
      isTest: true,
    });
  }

  /**
   * The election's record for an observer's own check (`shailoo-sim verify-export`): taken again
   * while messages arrive during its reading, so that what it says was published is what its
   * submissions give (on a count still open, a message stored as the export is read may still
   * make it disagree: take it once the count is closed).
   */
  async audit(id: string): Promise<AuditExport | null> {
    const election = this.registry.election(id);
    if (!election) return null;
    for (let attempt = 0; ; attempt++) {
      const version = this.tally.viewVersion(id);
      const published = {
        territories: this.tally.territories(id).map((t) => ({
          territoryId: t.territoryId,
          precinctsReporting: t.precinctsReporting,
          precinctsWithProtocol: t.precinctsWithProtocol,
          preliminary: t.preliminary,
          final: t.final,
        })),
        seats: this.tally.seats(id)!,
      };
      const { submissions, actions, devices, heads } = await this.records.record(id);
      const after = this.tally.viewVersion(id);
      if (attempt < 5 && (after.changes !== version.changes || after.epoch !== version.epoch)) continue;
      const closedAt = this.tally.closedAt(id);
      const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
      const hex = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('hex') : null);
      return {
        format: AUDIT_FORMAT,
        generatedAt: new Date(this.clock.now()).toISOString(),
        election: { id, definitionHash: election.hash, definition: election.definition, closedAt: closedAt === null ? null : new Date(closedAt).toISOString() },
        devices: devices.map((d) => ({
          id: d.id,
          precinctId: d.precinctId,
          kind: d.kind,
          publicKey: b64(d.publicKey),
          previousKeys: (d.previousKeys ?? []).map(b64),
          generation: d.generation ?? 0,
          revokedAt: d.revokedAt ? d.revokedAt.toISOString() : null,
        })),
        operatorActions: actions.map((a) => ({
          operator: a.operator,
          action: a.action,
          detail: a.detail,
          at: a.at.toISOString(),
          chainHash: hex(a.chainHash),
        })),
        submissions: submissions.map((s) => ({ envelope: b64(s.envelope), receivedAt: s.receivedAt.toISOString(), chainHash: hex(s.chainHash) })),
        heads: Object.fromEntries(Object.entries(heads).map(([chain, h]) => [chain, { hash: h.hash.toString('hex'), length: h.length }])),
        published,
      };
    }
  }

  async eventLog(id: string) {
    if (!this.registry.election(id)) return null;
    const [accepted, rejected, actions] = await Promise.all([this.submissions.eventLog(id), this.rejections.eventLog(id), this.operators.actions(id)]);
    const kindOf = (deviceId: string) => this.registry.device(deviceId)?.kind ?? 'other';
    const events = [
      ...accepted.map((s) => ({
        deviceId: s.deviceId,
        deviceKind: kindOf(s.deviceId),
        sequence: String(s.sequence),
        at: s.receivedAt,
        type: `${s.kind}-accepted`,
        success: true,
        description: `${s.kind} for precinct ${s.precinctId} stored`,
        hash: Buffer.from(s.bodyHash).toString('hex'),
      })),
      ...rejected.map((r) => ({
        deviceId: r.deviceId!,
        deviceKind: kindOf(r.deviceId!),
        sequence: '-',
        at: r.receivedAt,
        type: `rejected-${r.reason}`,
        success: false,
        description: r.detail,
        hash: sha256(r.raw).toString('hex'),
      })),
      ...actions.map((a) => ({
        deviceId: `operator:${a.operator}`,
        deviceKind: 'other',
        sequence: '-',
        at: a.at,
        type: `operator-${a.action}`,
        success: true,
        description: a.detail,
        hash: sha256(Buffer.from(`${a.operator}\n${a.action}\n${a.detail}`)).toString('hex'),
      })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return electionEventLog(id, events, new Date(this.clock.now()));
  }
}
