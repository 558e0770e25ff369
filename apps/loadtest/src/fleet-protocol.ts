import { performance } from 'node:perf_hooks';
import { DeviceRegistration } from '@shailoo/contracts';
import { LoadtestOptions } from './options';

/** What one station process is given: its share of the stations and of the rates. */
export interface FleetShare {
  brokerUrl: string;
  electionId: string;
  definitionHash: string;
  /** Global indices of its stations: from (inclusive) to (exclusive). */
  from: number;
  to: number;
  /** Its share of the global rates and of the sessions. */
  connectRate: number;
  rate: number;
  sessions: number;
  options: Pick<LoadtestOptions, 'stations' | 'mode' | 'intervalS' | 'qos' | 'link' | 'loss' | 'dial' | 'seed' | 'durationS' | 'resendMs'>;
}

/** Counters of one process, cumulative. */
export interface FleetCounters {
  /** Stations in a session with the broker now. */
  connected: number;
  /** Stations that have published their result at least once. */
  sent: number;
  acknowledged: number;
  accepted: number;
  /** Stations whose acknowledgement said the server already had the result (a resend's). */
  duplicates: number;
  rejected: number;
  /** Publishes in all, resends included. */
  publishes: number;
  /** CPU time of the process since the polls closed, in ms. */
  cpuMs: number;
}

export type ToFleet =
  | { type: 'init'; share: FleetShare }
  | { type: 'raw'; topicPrefix: string; connections: number; window: number; brokerUrl: string }
  /** Broker passwords of its stations' devices, from the registration answer (a secured broker). */
  | { type: 'credentials'; passwords: [string, string][] }
  | { type: 'connect' }
  | { type: 'go'; t0: number }
  | { type: 'stop' };

export type FromFleet =
  | { type: 'ready'; devices: DeviceRegistration[] }
  | { type: 'raw-done' }
  | { type: 'credentials-taken' }
  | { type: 'connected' }
  | { type: 'tick'; counters: FleetCounters; latencies: number[]; rssMb: number }
  /** Every station has its acknowledgement, was refused, or was given up on. */
  | { type: 'finished'; counters: FleetCounters; unacknowledged: number[]; acks: Float64Array; rssMb: number };

/** Wall time in ms with sub-millisecond precision, the same in every process of the machine. */
export const wallMs = (): number => performance.timeOrigin + performance.now();
