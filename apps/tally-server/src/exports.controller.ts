import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Controller('api/elections/:id/export')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('nist-err')
  @ApiOperation({ summary: 'NIST SP 1500-100 v2 election results report (JSON)' })
  results(@Param('id') id: string) {
    return this.exports.resultsReport(id) ?? notFound(id);
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
