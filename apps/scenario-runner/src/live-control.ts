import { MqttClient } from 'mqtt';
import { signPayload, Topics, v1 } from '@shailoo/contracts';
import { Outage } from '@shailoo/modem';
import { Clock, DeviceKey, Random } from '@shailoo/platform';
import { LiveStation } from '@shailoo/scenario';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { Pace } from './clock-driver';
import { LiveFault, LiveFaultKind, SimulationControl } from './simulation-control';

/** A station as the console reaches it while its day runs. */
export interface StationHandle {
  electionId: string;
  definitionHash: string;
  precinctId: string;
  regionId: string;
  boxDeviceId: string;
  live: LiveStation;
  /** The station's modems' outages: one pushed here takes effect at once. */
  outages: Outage[];
}

/** How long a pulled modem stays down, in election-day minutes. */
const MODEM_DOWN_MINUTES = 45;

/**
 * The trainer's console of a running scenario: pauses, resumes and changes the pace of the
 * virtual clock, and injects faults into stations while their day runs — a modem pulled for
 * 45 minutes, the box jammed (the commission counts by hand), the identification devices' printer
 * out of paper or their power cut, a forged result on the box's topic (signed by a key the server
 * does not know). Every fault is kept for the run's report.
 */
export class LiveControl implements SimulationControl {
  readonly faults: LiveFault[] = [];
  private readonly stations = new Map<string, StationHandle>();
  private readonly forger = new Random('live-control/forger');

  /** Where the forged messages come from: the run's tools' broker URL, set once the stack is up. */
  toolsUrl: string | null = null;
  private tools: Promise<MqttClient> | null = null;

  constructor(
    readonly pace: Pace,
    private readonly clock: Clock,
  ) {}

  async close(): Promise<void> {
    const tools = await this.tools?.catch(() => null);
    await tools?.endAsync(true);
  }

  add(station: StationHandle): void {
    this.stations.set(station.precinctId, station);
  }

  status() {
    return { paused: this.pace.paused, speed: this.pace.speed, virtualMs: this.clock.now(), faults: this.faults };
  }

  pause(): void {
    this.pace.paused = true;
  }

  resume(): void {
    this.pace.paused = false;
  }

  setSpeed(speed: number): void {
    this.pace.speed = speed;
  }

  async inject(kind: LiveFaultKind, target: { precinctId?: string; regionId?: string }, by: string): Promise<LiveFault | { refused: string }> {
    const chosen = target.precinctId
      ? [this.stations.get(target.precinctId)].filter((s): s is StationHandle => !!s)
      : [...this.stations.values()].filter((s) => s.regionId === target.regionId);
    if (!chosen.length) return { refused: `no station of this simulation at ${target.precinctId ?? `region ${target.regionId}`}` };
    const now = this.clock.now();
    for (const s of chosen) await this.apply(kind, s, now);
    const fault: LiveFault = { kind, electionId: chosen[0].electionId, precinctIds: chosen.map((s) => s.precinctId), atMs: now, by };
    this.faults.push(fault);
    return fault;
  }

  private async apply(kind: LiveFaultKind, s: StationHandle, now: number): Promise<void> {
    switch (kind) {
      case 'modem-down':
        s.outages.push({ fromMs: now, toMs: now + MODEM_DOWN_MINUTES * 60_000 });
        return;
      case 'box-jam':
        s.live.boxJamAtMs = Math.min(s.live.boxJamAtMs ?? Infinity, now);
        return;
      case 'printer-out':
        for (const d of s.live.identification ?? []) d.failPrinter('out-of-paper');
        return;
      case 'power-cut':
        for (const d of s.live.identification ?? []) d.losePower(now);
        return;
      case 'forged-message': {
        const forged = signPayload(
          v1.PayloadKind.PAYLOAD_KIND_PRECINCT_RESULT,
          {
            electionId: s.electionId,
            definitionHash: Buffer.from(s.definitionHash, 'hex'),
            precinctId: s.precinctId,
            deviceId: s.boxDeviceId,
            sequence: 1,
            votes: [],
            invalidBallots: 0,
            ballotsInBox: 0,
            closedAtMs: now,
          },
          DeviceKey.fromSeed(this.forger.bytes(32)),
        );
        if (!this.toolsUrl) return;
        this.tools ??= connectMqtt(this.toolsUrl, { clientId: uniqueClientId('live-control') });
        await (await this.tools).publishAsync(Topics.result(s.electionId, s.boxDeviceId), forged, { qos: 1 });
      }
    }
  }
}
