import { BadRequestException, Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorRepository } from '@shailoo/persistence';
import { ChangeFeed, OperatorOnly, OperatorRequest, TallyServerExtension } from '@shailoo/tally-server';
import { LIVE_FAULTS, LiveFaultKind, SimulationControl } from './simulation-control';

const SIMULATION_CONTROL = Symbol('SIMULATION_CONTROL');

/** The trainer's console plugged into a tally server a simulation drives. */
export function simulationExtension(control: SimulationControl): TallyServerExtension {
  return { controllers: [SimulationController], providers: [{ provide: SIMULATION_CONTROL, useValue: control }] };
}

/** The trainer's console over HTTP: the pace of the simulated clock, and faults injected into its stations. */
@ApiTags('simulation')
@Controller('api/simulation')
export class SimulationController {
  constructor(
    @Inject(SIMULATION_CONTROL) private readonly simulation: SimulationControl,
    private readonly feed: ChangeFeed,
    private readonly operators: OperatorRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The simulation driving this server (demo, run): paused or not, speed, virtual time, faults injected so far (a plain tally server has no such route)',
  })
  status() {
    return { ...this.simulation.status(), kinds: LIVE_FAULTS };
  }

  @Post('pause')
  @OperatorOnly()
  @ApiOperation({ summary: 'Pause the simulated clock (an operator’s action)' })
  pause() {
    this.simulation.pause();
    return this.status();
  }

  @Post('resume')
  @OperatorOnly()
  @ApiOperation({ summary: 'Resume the simulated clock (an operator’s action)' })
  resume() {
    this.simulation.resume();
    return this.status();
  }

  @Post('speed')
  @OperatorOnly()
  @ApiBody({ schema: { example: { speed: 1200 } } })
  @ApiOperation({ summary: 'Set the clock speed: virtual seconds per real second (an operator’s action)' })
  speed(@Body() body: { speed?: unknown }) {
    const speed = Number(body?.speed);
    if (!(speed > 0 && speed <= 1_000_000)) throw new BadRequestException('speed must be a number of virtual seconds per real second, in (0, 1000000]');
    this.simulation.setSpeed(speed);
    return this.status();
  }

  @Post('faults')
  @OperatorOnly()
  @ApiBody({ schema: { example: { kind: 'modem-down', precinctId: 'cc26-p001' } } })
  @ApiOperation({ summary: `Inject a fault on a precinct or a region: ${LIVE_FAULTS.join(', ')} (an operator’s action, logged)` })
  async fault(@Body() body: { kind?: string; precinctId?: string; regionId?: string }, @Req() request: OperatorRequest) {
    const kind = body?.kind as LiveFaultKind;
    if (!LIVE_FAULTS.includes(kind)) throw new BadRequestException(`kind must be one of ${LIVE_FAULTS.join(', ')}`);
    if (!body.precinctId === !body.regionId) throw new BadRequestException('name exactly one of precinctId and regionId');
    const by = request.operator!.name;
    const outcome = await this.simulation.inject(kind, { precinctId: body.precinctId, regionId: body.regionId }, by);
    if ('refused' in outcome) throw new BadRequestException(outcome.refused);
    await this.operators.log({
      operator: by,
      action: `inject-${kind}`,
      electionId: outcome.electionId,
      detail: `${kind} at ${outcome.precinctIds.join(', ')}`,
    });
    this.feed.emit({ electionId: outcome.electionId, type: 'fault', data: { ...outcome } });
    return outcome;
  }
}
