import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { Clock } from '@shailoo/platform';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ElectionRegistry } from '@shailoo/registry';
import { ExportsService } from './exports.service';
import { OperatorAuth } from './operator-auth';
import { TIMERS } from './tally-config';
import { TallyService } from './tally.service';
import { ViewCache } from './view-cache';

/** How long an election's record is served as read before it is read again (a record read is a whole table's worth). */
const AUDIT_FRESH_MS = 5000;

@ApiTags('exports')
@Controller('api/elections/:id/export')
export class ExportsController {
  /** Each election's record as last read (`at`: when it was read; Infinity while it is being read). */
  private readonly audits = new Map<string, { at: number; body: Promise<Buffer> }>();

  constructor(
    private readonly exports: ExportsService,
    private readonly tally: TallyService,
    private readonly views: ViewCache,
    private readonly auth: OperatorAuth,
    private readonly registry: ElectionRegistry,
    @Inject(TIMERS) private readonly timers: Clock,
  ) {}

  @Get('nist-err')
  @ApiOperation({ summary: 'NIST SP 1500-100 v2 election results report (JSON; rebuilt at most once a second, with an ETag)' })
  async results(@Param('id') id: string, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    const report = () => this.exports.resultsReport(id);
    if (!this.registry.election(id)) notFound(id);
    const exact = (await this.auth.operatorIn(request)) !== null;
    this.views.send(request, response, { key: `nist-err|${id}`, version: this.tally.viewVersion(id), exact }, report);
  }

  @Get('audit')
  @ApiOperation({
    summary:
      'The election’s record for an observer’s own check: definition, devices and every key they held, operators’ actions and accepted submissions (each envelope as signed) as hash chains with their heads, and the published figures. Check it with `shailoo-sim verify-export <file>`.',
  })
  async audit(@Param('id') id: string, @Res() response: ServerResponse): Promise<void> {
    if (!this.registry.election(id)) notFound(id);
    // A record is a whole table's worth: one reading at a time per election, served to every reader
    // for AUDIT_FRESH_MS after it was read, whatever arrives meanwhile.
    let cached = this.audits.get(id);
    if (!cached || this.timers.now() - cached.at > AUDIT_FRESH_MS) {
      const entry = { at: Infinity, body: this.exports.audit(id).then((record) => Buffer.from(JSON.stringify(record))) };
      entry.body.then(
        () => (entry.at = this.timers.now()),
        () => this.audits.delete(id),
      );
      this.audits.set(id, (cached = entry));
    }
    const body = await cached.body;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
  }

  @Get('nist-eel')
  @ApiOperation({ summary: 'NIST SP 1500-101 election event log of the devices’ messages (JSON)' })
  async events(@Param('id') id: string) {
    return (await this.exports.eventLog(id)) ?? notFound(id);
  }
}

function notFound(id: string): never {
  throw new NotFoundException(`no election ${id}`);
}
