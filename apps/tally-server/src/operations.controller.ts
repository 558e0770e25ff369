import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database, DATABASE } from '@shailoo/persistence';
import { Publisher } from './publisher';
import { TallyMetrics } from './tally-metrics';

/** What an operator's tooling reads of the server itself: its health and its metrics. */
@ApiTags('operations')
@Controller()
export class OperationsController {
  constructor(
    private readonly metrics: TallyMetrics,
    private readonly publisher: Publisher,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  @Get('api/health')
  @ApiOperation({ summary: 'Database and broker status' })
  async health() {
    const database = await this.db.ping();
    const broker = this.publisher.connected;
    return { status: database && broker ? 'ok' : 'degraded', database: { kind: this.db.kind, up: database }, broker: { up: broker } };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  prometheus() {
    return this.metrics.registry.metrics();
  }
}
