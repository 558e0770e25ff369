import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Health, Readiness } from './health';
import { TallyMetrics } from './tally-metrics';

/** What an operator's tooling reads of the server itself: its health and its metrics. */
@ApiTags('operations')
@Controller()
export class OperationsController {
  constructor(
    private readonly metrics: TallyMetrics,
    private readonly health: Health,
  ) {}

  /**
   * Readiness: 200 when this instance can take work (database reachable, broker session up, the
   * stored log caught up, not shutting down), 503 otherwise with the reasons in the body — a load
   * balancer or an orchestrator then sends it nothing. `/api/health` is the same answer.
   */
  @Get(['api/health', 'api/health/ready'])
  @ApiOperation({ summary: 'Readiness: database, broker session, stored log caught up; 200 when all are, 503 otherwise (the body says why)' })
  @ApiResponse({ status: 503, description: 'not ready: degraded or stopping, with the reasons' })
  async ready(@Res({ passthrough: true }) res: ServerResponse): Promise<Readiness> {
    const readiness = await this.health.readiness();
    res.statusCode = readiness.reasons.length ? 503 : 200;
    return readiness;
  }

  /** Liveness: the process answers (an orchestrator restarts it when it does not). Nothing it depends on is asked. */
  @Get('api/health/live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers' })
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  prometheus() {
    return this.metrics.registry.metrics();
  }
}
