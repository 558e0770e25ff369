import { Clock } from '@shailoo/platform';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Header,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DeviceRegistration, sha256 } from '@shailoo/contracts';
import { ElectionDefinition, TerritoryLevel } from '@shailoo/election';
import { OperatorRepository } from '@shailoo/persistence';
import { ElectionRegistry, RegistrationError } from '@shailoo/registry';
import { BrokerAccounts } from './broker-accounts';
import { ChangeFeed } from './change-feed';
import { OperatorAuth, OperatorOnly, OperatorRequest } from './operator-auth';
import { Publisher } from './publisher';
import { Quarantine } from './quarantine';
import { ELECTION_CLOCK } from './tally-config';
import { registrationProblems, REGISTRATION_SHAPE } from './registration-body';
import { TallyMetrics } from './tally-metrics';
import { TallyService } from './tally.service';
import { ViewCache, ViewVersion } from './view-cache';

const LEVELS: TerritoryLevel[] = ['country', 'region', 'district', 'precinct'];

@ApiTags('elections')
@Controller('api/elections')
export class ElectionsController {
  constructor(
    private readonly registry: ElectionRegistry,
    private readonly tally: TallyService,
    private readonly quarantine: Quarantine,
    private readonly metrics: TallyMetrics,
    private readonly publisher: Publisher,
    private readonly feed: ChangeFeed,
    private readonly operators: OperatorRepository,
    private readonly accounts: BrokerAccounts,
    private readonly views: ViewCache,
    private readonly auth: OperatorAuth,
    @Inject(ELECTION_CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Registered elections' })
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

  @Post()
  @OperatorOnly('register')
  @ApiOperation({ summary: 'Register an election definition and its devices’ public keys (an operator’s action, logged)' })
  @ApiBody({
    schema: {
      example: {
        definition: { id: 'kg-2021-04-11-cc26', territory: {}, contests: [] },
        devices: [{ id: 'aeu-1', precinctId: 'p1', kind: 'ballot-box', publicKey: 'base64 of 32 bytes' }],
      },
    },
  })
  async register(@Body() body: { definition?: ElectionDefinition; devices?: DeviceRegistration[] }, @Req() request: OperatorRequest) {
    const problems = registrationProblems(body);
    if (problems.length) throw new BadRequestException(`${problems.join('; ')}: the body must be ${REGISTRATION_SHAPE}`);
    // Of the right shape now; the registry checks the rest (ids, the territory tree, the contests).
    const { definition } = body as { definition: ElectionDefinition };
    const devices = body.devices ?? [];
    const known = !!this.registry.election(definition.id);
    const added = devices.filter((d) => !this.registry.device(d.id)).map((d) => d.id);
    try {
      const e = await this.registry.register(definition, devices);
      if (!known || added.length) {
        const list = added.length > 20 ? `${added.slice(0, 20).join(', ')} and ${added.length - 20} more` : added.join(', ');
        await this.operators.log({
          operator: request.operator!.name,
          action: known ? 'add-devices' : 'register-election',
          electionId: e.definition.id,
          detail: known
            ? `added ${added.length} devices to a registered election: ${list}`
            : `registered ${e.definition.name} (${e.hash}) with ${added.length} devices`,
        });
      }
      // On a secured broker each new device gets its broker password, in this answer only.
      const credentials = await this.accounts.issue(added);
      return { id: e.definition.id, definitionHash: e.hash, devices: devices.length, ...(credentials ? { credentials } : {}) };
    } catch (err) {
      if (err instanceof RegistrationError) throw new BadRequestException(err.message);
      throw err;
    }
  }

  @Get(':id/results')
  @ApiOperation({
    summary:
      'Results of the election, of one territory, or of the territories of a level a page at a time (?offset=, ?limit= up to 5,000, 1,000 by default; the header x-total-count says how many there are). Answers carry an ETag.',
  })
  @ApiQuery({ name: 'level', required: false, enum: LEVELS })
  @ApiQuery({ name: 'territory', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'limit', required: false })
  async results(
    @Param('id') id: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
    @Query('level') level?: string,
    @Query('territory') territory?: string,
    @Query('offset') offset?: string,
    @Query('limit') limit?: string,
  ): Promise<void> {
    this.election(id);
    if (level && !LEVELS.includes(level as TerritoryLevel)) throw new BadRequestException(`level must be one of ${LEVELS.join(', ')}`);
    const view = await this.view(request, id);
    if (territory) {
      const r = this.tally.results(id, territory);
      if (!r || (level && r.level !== level)) throw new NotFoundException(`no ${level ?? 'territory'} ${territory} in ${id}`);
      return this.views.send(request, response, view(`results|${id}|${level ?? ''}|${r.territoryId}`), () => r);
    }
    if (!level) return this.views.send(request, response, view(`results|${id}`), () => this.tally.results(id));
    const ids = this.tally.territoryIdsOf(id, level as TerritoryLevel);
    const from = count(offset, 0, 'offset', ids.length);
    const size = count(limit, 1000, 'limit', 5000) || 1000;
    const page = () => ids.slice(from, from + size).map((t) => this.tally.results(id, t));
    this.views.send(request, response, view(`results|${id}|${level}|${from}|${size}`), page, { 'x-total-count': String(ids.length) });
  }

  @Get(':id/precincts/:precinctId')
  @ApiOperation({ summary: 'One precinct: box results, manual protocol, identification reports, turnout, flags, and each signed message’s body hash' })
  precinct(@Param('id') id: string, @Param('precinctId') precinctId: string) {
    this.election(id);
    const p = this.tally.precinct(id, precinctId);
    if (!p) throw new NotFoundException(`no precinct ${precinctId} in ${id}`);
    return p;
  }

  @Get(':id/seats')
  @ApiOperation({ summary: 'Provisional seats (from the boxes) and, once decided, final seats, with the allocation’s working' })
  async seats(@Param('id') id: string, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    this.election(id);
    this.views.send(request, response, (await this.view(request, id))(`seats|${id}`), () => this.tally.seats(id));
  }

  @Get(':id/contests')
  @ApiOperation({
    summary:
      'Every contest of the election (party lists, single-member districts, village councils): its figures over its own precincts, its ballot’s lines with their votes, leader and margin, and its outcome (provisional, then final) with the working',
  })
  async contests(@Param('id') id: string, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    this.election(id);
    this.views.send(request, response, (await this.view(request, id))(`contests|${id}`), () => this.tally.contests(id));
  }

  @Get(':id/contests/:contestId/results')
  @ApiOperation({ summary: 'One contest’s results: as in the list of contests' })
  async contestResults(
    @Param('id') id: string,
    @Param('contestId') contestId: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    this.election(id);
    const c = this.tally.contest(id, contestId);
    if (!c) throw new NotFoundException(`no contest ${contestId} in ${id}`);
    this.views.send(request, response, (await this.view(request, id))(`contest|${id}|${contestId}`), () => c);
  }

  @Post(':id/close')
  @OperatorOnly('close')
  @ApiOperation({ summary: 'Close the count by an operator’s decision: the seats become final on the figures at hand' })
  async close(@Param('id') id: string, @Req() request: OperatorRequest) {
    this.election(id);
    const closedAt = this.tally.closedAt(id);
    if (closedAt !== null) throw new ConflictException(`the count of ${id} was closed already, at ${new Date(closedAt).toISOString()}`);
    await this.tally.close(id, this.clock.now());
    await this.operators.log({
      operator: request.operator!.name,
      action: 'close-count',
      electionId: id,
      detail: 'closed the count: the seats are final on the figures at hand',
    });
    this.publisher.closed(id);
    return this.tally.seats(id);
  }

  @Post(':id/reopen')
  @OperatorOnly('close')
  @ApiOperation({ summary: 'Reopen a closed count (an operator’s action, logged): messages are counted again, the seats follow them' })
  async reopen(@Param('id') id: string, @Req() request: OperatorRequest) {
    this.election(id);
    const closedAt = this.tally.closedAt(id);
    if (closedAt === null) throw new ConflictException(`the count of ${id} is open`);
    await this.tally.close(id, null);
    await this.operators.log({
      operator: request.operator!.name,
      action: 'reopen-count',
      electionId: id,
      detail: `reopened the count closed at ${new Date(closedAt).toISOString()}: messages are counted again`,
    });
    this.publisher.closed(id, false);
    return this.tally.seats(id);
  }

  @Post(':id/devices/:deviceId/revoke')
  @OperatorOnly('revoke')
  @ApiBody({ required: false, schema: { example: { reason: 'ballot box stolen from the precinct on the way to the district commission' } } })
  @ApiOperation({
    summary:
      'Revoke a device (an operator’s action, logged): its messages are refused from now on (revoked, quarantined), its broker logins too; what it sent before stays counted',
  })
  async revoke(@Param('id') id: string, @Param('deviceId') deviceId: string, @Body() body: { reason?: unknown } | undefined, @Req() request: OperatorRequest) {
    const device = this.deviceOf(id, deviceId);
    const reason = typeof body?.reason === 'string' ? [...body.reason].slice(0, 500).join('') : '';
    const at = await this.registry.revoke(deviceId);
    if (at === null) throw new ConflictException(`device ${deviceId} was revoked already`);
    try {
      await this.operators.log({
        operator: request.operator!.name,
        action: 'revoke-device',
        electionId: id,
        detail: `revoked ${device.kind} ${deviceId} of precinct ${device.precinctId}${reason ? `: ${reason}` : ''}`,
      });
    } finally {
      // The brokers learn of it even when the log could not be written.
      await this.accounts.changed(this.registry.device(deviceId)!);
    }
    return { deviceId, revokedAt: new Date(at).toISOString() };
  }

  @Post(':id/devices/:deviceId/key')
  @OperatorOnly('revoke')
  @ApiBody({ schema: { example: { publicKey: 'base64 of the new 32-byte Ed25519 public key' } } })
  @ApiOperation({
    summary:
      'Re-register a device with a new key (an operator’s action, logged): a revocation is lifted, its broker password changes (in this answer only), messages signed with the old key are refused',
  })
  async rekey(
    @Param('id') id: string,
    @Param('deviceId') deviceId: string,
    @Body() body: { publicKey?: unknown } | undefined,
    @Req() request: OperatorRequest,
  ) {
    const before = this.deviceOf(id, deviceId);
    if (typeof body?.publicKey !== 'string')
      throw new BadRequestException('the body must be { "publicKey": "<base64 of the new 32-byte Ed25519 public key>" }');
    let device;
    try {
      device = await this.registry.rekey(deviceId, body.publicKey);
    } catch (err) {
      if (err instanceof RegistrationError) throw new BadRequestException(err.message);
      throw err;
    }
    let password: string | undefined;
    try {
      await this.operators.log({
        operator: request.operator!.name,
        action: 'rekey-device',
        electionId: id,
        detail: `re-registered ${device.kind} ${deviceId} of precinct ${device.precinctId} with a new key (generation ${device.generation}, SHA-256 of the key ${sha256(Buffer.from(body.publicKey, 'base64')).toString('hex')})${before.revokedAt !== null ? '; its revocation is lifted' : ''}`,
      });
    } finally {
      password = await this.accounts.changed(device);
    }
    return { deviceId, generation: device.generation, ...(password ? { credentials: { [deviceId]: password } } : {}) };
  }

  @Get(':id/quarantine')
  @ApiOperation({
    summary:
      'Rejected messages naming this election, newest first, with reasons and sizes (a page at a time: ?limit=, ?before= the next of the page before), and the server’s counts by reason',
  })
  async rejected(@Param('id') id: string, @Query('limit') limit?: string, @Query('before') before?: string) {
    this.election(id);
    const page = await this.quarantine.list(
      id,
      Math.min(1000, Math.max(1, Math.floor(Number(limit)) || 100)),
      before === undefined ? undefined : rowId(before),
    );
    return { rejectedByReason: await this.metrics.rejectedByReason(), ...page };
  }

  @Get(':id/quarantine/:rejectionId/raw')
  @Header('Content-Type', 'application/octet-stream')
  @ApiOperation({ summary: 'The bytes of one rejected message, as they arrived' })
  async rejectedBytes(@Param('id') id: string, @Param('rejectionId') rejectionId: string): Promise<StreamableFile> {
    this.election(id);
    const raw = await this.quarantine.raw(id, rowId(rejectionId));
    if (!raw) throw new NotFoundException(`no rejection ${rejectionId} in ${id}`);
    return new StreamableFile(raw);
  }

  @Get(':id/territories')
  @ApiOperation({ summary: 'The election’s territories as a tree: country, regions, districts, precincts (with registered voters)' })
  territories(@Param('id') id: string) {
    return this.election(id).definition.territory;
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'Server-sent events: every stored message, rejection, results update and close (at most 20 streams per client address)' })
  @ApiTooManyRequestsResponse({ description: 'the client, or the server, holds as many streams as it may' })
  events(@Param('id') id: string, @Req() request: IncomingMessage & { ip?: string }, @Res() response: ServerResponse): void {
    this.election(id);
    const refusal = this.feed.open(id, request.ip ?? request.socket.remoteAddress ?? '', response);
    if (refusal === 'server-stopping') throw new HttpException(`${refusal}: connect again in a moment (to another instance)`, HttpStatus.SERVICE_UNAVAILABLE);
    if (refusal) throw new HttpException(`${refusal}: close another event stream first`, HttpStatus.TOO_MANY_REQUESTS);
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.flushHeaders();
  }

  /** How a read of an election's views is answered: by key, at the tally's version, exactly for an operator. */
  private async view(request: IncomingMessage, id: string): Promise<(key: string) => { key: string; version: ViewVersion; exact: boolean }> {
    const version = this.tally.viewVersion(id);
    const exact = (await this.auth.operatorIn(request)) !== null;
    return (key) => ({ key, version, exact });
  }

  /** A device of this election, or 404. */
  private deviceOf(id: string, deviceId: string) {
    this.election(id);
    const device = this.registry.device(deviceId);
    if (!device || device.electionId !== id) throw new NotFoundException(`no device ${deviceId} in ${id}`);
    return device;
  }

  private election(id: string) {
    const e = this.registry.election(id);
    if (!e) throw new NotFoundException(`no election ${id}`);
    return e;
  }
}

/** A whole number from a query (`fallback` when absent), from 0 to `max`. */
function count(text: string | undefined, fallback: number, name: string, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new BadRequestException(`${name} must be a whole number from 0, got ${JSON.stringify(text.slice(0, 40))}`);
  return Math.min(n, max);
}

/** A row id from a request: digits only. */
function rowId(text: string): bigint {
  if (!/^\d{1,19}$/.test(text)) throw new BadRequestException(`not a row id: ${JSON.stringify(text.slice(0, 40))}`);
  return BigInt(text);
}
