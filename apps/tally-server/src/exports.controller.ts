import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ElectionRegistry } from '@shailoo/registry';
import { ExportsService } from './exports.service';
import { OperatorAuth } from './operator-auth';
import { TallyService } from './tally.service';
import { ViewCache } from './view-cache';

@ApiTags('exports')
@Controller('api/elections/:id/export')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly tally: TallyService,
    private readonly views: ViewCache,
    private readonly auth: OperatorAuth,
    private readonly registry: ElectionRegistry,
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
  async audit(@Param('id') id: string) {
    return (await this.exports.audit(id)) ?? notFound(id);
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
