import { addFigures, emptyFigures, Figures } from './figures';
import { ContestCount, IdentificationPayload, PrecinctReport, ProtocolPayload, ResultPayload } from './reports';

/** A report as it counts: the device, its sequence, what it said, the sha-256 of its signed body. */
export interface Versioned<P> {
  deviceId: string;
  sequence: number;
  payload: P;
  bodyHash: Uint8Array;
}

/** What is known of one precinct: each device counts with its latest report of a kind. */
export interface PrecinctState {
  boxes: Map<string, Versioned<ResultPayload>>;
  protocol?: Versioned<ProtocolPayload>;
  identification: Map<string, Versioned<IdentificationPayload>>;
  /** Voters so far at each reporting hour (latest snapshot per hour). */
  turnout: Map<number, { sequence: number; voters: number }>;
}

export const emptyPrecinct = (): PrecinctState => ({ boxes: new Map(), identification: new Map(), turnout: new Map() });

/** The sequence of the report of this kind from this device that counts now, if any. */
export function countedSequence(p: PrecinctState | undefined, report: Pick<PrecinctReport, 'kind' | 'deviceId'>): number | undefined {
  if (!p) return undefined;
  if (report.kind === 'result') return p.boxes.get(report.deviceId)?.sequence;
  if (report.kind === 'protocol') return p.protocol?.deviceId === report.deviceId ? p.protocol.sequence : undefined;
  if (report.kind === 'identification') return p.identification.get(report.deviceId)?.sequence;
  return undefined;
}

/** Takes a report into the precinct's state in place; false when a later one already counts (or the same one). */
export function applyToPrecinct(p: PrecinctState, r: PrecinctReport): boolean {
  const newer = (old?: { sequence: number }) => !old || old.sequence < r.sequence;
  const versioned = <P>(payload: P): Versioned<P> => ({ deviceId: r.deviceId, sequence: r.sequence, payload, bodyHash: r.bodyHash });
  switch (r.kind) {
    case 'result':
      if (!newer(p.boxes.get(r.deviceId))) return false;
      p.boxes.set(r.deviceId, versioned(r.payload));
      return true;
    case 'protocol':
      if (!newer(p.protocol)) return false;
      p.protocol = versioned(r.payload);
      return true;
    case 'identification':
      if (!newer(p.identification.get(r.deviceId))) return false;
      p.identification.set(r.deviceId, versioned(r.payload));
      return true;
    case 'turnout':
      if (!newer(p.turnout.get(r.payload.hour))) return false;
      p.turnout.set(r.payload.hour, { sequence: r.sequence, voters: r.payload.voters });
      return true;
  }
}

/** The boxes' count of a precinct (a precinct may have more than one box), or null when none reported. */
export function boxFigures(p: PrecinctState): Figures | null {
  if (!p.boxes.size) return null;
  const f = emptyFigures();
  for (const { payload } of p.boxes.values()) addFigures(f, payload);
  return f;
}

export function protocolFigures(p: ContestCount): Figures {
  return { ballotsInBox: p.ballotsInBox, invalidBallots: p.invalidBallots, againstAll: p.againstAll, votes: p.votes };
}

/**
 * Each contest's figures in one message, by contest id: the message's own count is of `first` (the
 * precinct's first contest), the others are its `contests`. Empty when the precinct has no contest.
 */
export function contestFigures(payload: ContestCount & { contests?: Record<string, ContestCount> }, first: string | undefined): Map<string, Figures> {
  const out = new Map<string, Figures>();
  if (first === undefined) return out;
  out.set(first, protocolFigures(payload));
  for (const [id, c] of Object.entries(payload.contests ?? {})) out.set(id, protocolFigures(c));
  return out;
}

/** The boxes' figures per contest, summed over the precinct's boxes. */
export function boxContestFigures(p: PrecinctState, first: string | undefined): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const { payload } of p.boxes.values())
    for (const [id, f] of contestFigures(payload, first)) {
      const sum = out.get(id) ?? emptyFigures();
      addFigures(sum, f);
      out.set(id, sum);
    }
  return out;
}
