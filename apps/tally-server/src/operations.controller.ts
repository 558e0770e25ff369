import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
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

  /**
   * Whether this instance can do its work: 200 when its database answers and its broker session is
   * up, 503 otherwise (a load balancer or an orchestrator then sends it nothing), with the part
   * that is down in the body either way.
   */
  @Get('api/health')
  @ApiOperation({ summary: 'Database and broker status: 200 when both are up, 503 (degraded) otherwise' })
  @ApiResponse({ status: 503, description: 'degraded: the body says which part is down' })
  async health(@Res({ passthrough: true }) res: ServerResponse) {
    const database = await this.db.ping();
    const broker = this.publisher.connected;
    const up = database && broker;
    res.statusCode = up ? 200 : 503;
    return { status: up ? 'ok' : 'degraded', database: { kind: this.db.kind, up: database }, broker: { up: broker } };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  prometheus() {
    return this.metrics.registry.metrics();
  }
}
