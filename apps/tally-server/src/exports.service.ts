import { Clock } from '@shailoo/platform';
import { Inject, Injectable } from '@nestjs/common';
import { sha256 } from '@shailoo/contracts';
import { OperatorRepository, RejectionRepository, SubmissionRepository } from '@shailoo/persistence';
import { ElectionRegistry } from '@shailoo/registry';
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
    @Inject(ELECTION_CLOCK) private readonly clock: Clock,
  ) {}

  resultsReport(id: string) {
    const election = this.registry.election(id);
    if (!election) return null;
    return electionResultsReport({
      election,
      territories: new Map(this.tally.territories(id).map((t) => [t.territoryId, t])),
      seats: this.tally.seats(id)!,
      generatedAt: new Date(this.clock.now()),
      vendor: 'shailoo-sim',
      isTest: true,
    });
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
