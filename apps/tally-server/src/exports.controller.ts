import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { sha256 } from '../../../libs/contracts/src';
import { Database } from '../../../libs/persistence/src';
import { ElectionRegistry } from '../../../libs/persistence/src/election-registry';
import { electionEventLog, electionResultsReport } from './nist-export';
import { DATABASE, TALLY_CONFIG, TallyConfig } from './tally-config';
import { TallyService } from './tally.service';

@ApiTags('exports')
@Controller('api/elections/:id/export')
export class ExportsController {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly tally: TallyService,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  @Get('nist-err')
  @ApiOperation({ summary: 'NIST SP 1500-100 v2 election results report (JSON)' })
  results(@Param('id') id: string) {
    const election = this.registry.election(id);
    if (!election) throw new NotFoundException(`no election ${id}`);
    return electionResultsReport({
      election,
      territories: new Map(this.tally.territories(id).map((t) => [t.territoryId, t])),
      seats: this.tally.seats(id)!,
      generatedAt: new Date(this.config.clock.now()),
      vendor: 'shailoo-sim',
      isTest: true,
    });
  }

  @Get('nist-eel')
  @ApiOperation({ summary: 'NIST SP 1500-101 election event log of the devices’ messages (JSON)' })
  async events(@Param('id') id: string) {
    if (!this.registry.election(id)) throw new NotFoundException(`no election ${id}`);
    const accepted = await this.db.prisma.submission.findMany({
      where: { electionId: id },
      select: { deviceId: true, sequence: true, kind: true, receivedAt: true, bodyHash: true, precinctId: true },
      orderBy: { id: 'asc' },
    });
    const rejected = await this.db.prisma.rejection.findMany({
      where: { topic: { startsWith: `shailoo/v1/up/${id}/` }, deviceId: { not: null } },
      select: { deviceId: true, reason: true, detail: true, receivedAt: true, raw: true },
      orderBy: { id: 'asc' },
    });
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
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return electionEventLog(id, events, new Date(this.config.clock.now()));
  }
}
