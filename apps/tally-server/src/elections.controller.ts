import { BadRequestException, Body, Controller, Get, Header, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ElectionDefinition } from '../../../libs/election/src';
import { Database } from '../../../libs/persistence/src';
import { DeviceRegistration, ElectionRegistry, RegistrationError } from './election-registry';
import { Publisher } from './publisher';
import { Quarantine } from './quarantine';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';
import { Inject } from '@nestjs/common';
import { DATABASE } from './tally-config';

@Controller()
export class ElectionsController {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly tally: TallyService,
    private readonly quarantine: Quarantine,
    private readonly metrics: TallyMetrics,
    private readonly publisher: Publisher,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  @Get('api/elections')
  list() {
    return this.registry.allElections().map((e) => ({
      id: e.definition.id,
      name: e.definition.name,
      type: e.definition.type,
      date: e.definition.date,
      definitionHash: e.hash,
      precincts: e.precincts.size,
    }));
  }

  /** Registers an election definition and its devices' public keys. */
  @Post('api/elections')
  async register(@Body() body: { definition?: ElectionDefinition; devices?: DeviceRegistration[] }) {
    if (!body?.definition?.id || !body.definition.territory || !Array.isArray(body.definition.contests)) {
      throw new BadRequestException('body must be {"definition": {id, territory, contests, …}, "devices": [{id, precinctId, kind, publicKey}]}');
    }
    try {
      const e = await this.registry.register(body.definition, body.devices ?? []);
      return { id: e.definition.id, definitionHash: e.hash, devices: (body.devices ?? []).length };
    } catch (err) {
      if (err instanceof RegistrationError) throw new BadRequestException(err.message);
      throw err;
    }
  }

  @Get('api/elections/:id/results')
  results(@Param('id') id: string) {
    const r = this.tally.results(id);
    if (!r) throw new NotFoundException(`no election ${id}`);
    return r;
  }

  @Get('api/elections/:id/quarantine')
  async rejected(@Param('id') _id: string, @Query('limit') limit?: string) {
    return { rejectedByReason: await this.metrics.rejectedByReason(), items: await this.quarantine.list(Math.min(1000, Number(limit) || 100)) };
  }

  @Get('api/health')
  async health() {
    const database = await this.db.ping();
    const broker = this.publisher.connected;
    const status = database && broker ? 'ok' : 'degraded';
    return { status, database: { kind: this.db.kind, up: database }, broker: { up: broker } };
  }

  @Get('metrics')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async prometheus() {
    return this.metrics.registry.metrics();
  }
}
