/** The faults a trainer can inject into a running simulation. */
export const LIVE_FAULTS = ['modem-down', 'box-jam', 'printer-out', 'power-cut', 'forged-message'] as const;
export type LiveFaultKind = (typeof LIVE_FAULTS)[number];

export interface LiveFault {
  kind: LiveFaultKind;
  electionId: string;
  precinctIds: string[];
  /** Election-day time it took effect (ms). */
  atMs: number;
  by: string;
}

/**
 * A simulation that drives a tally server (the scenario runner behind `demo` and `run`), as the
 * trainer's console sees it: its pace, and faults injected into its stations. A plain tally server
 * has none: its page is then read-only (`/api/simulation` answers 404).
 */
export interface SimulationControl {
  status(): { paused: boolean; speed: number | 'max'; virtualMs: number; faults: LiveFault[] };
  pause(): void;
  resume(): void;
  setSpeed(speed: number): void;
  /** Injects a fault on one precinct or every precinct of a region; what it reached, or a reason it cannot. */
  inject(kind: LiveFaultKind, target: { precinctId?: string; regionId?: string }, by: string): Promise<LiveFault | { refused: string }>;
}
