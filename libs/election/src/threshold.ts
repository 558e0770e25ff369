import { ThresholdBase } from './definition';
import { total } from './count';

/** The figures a threshold can be measured against. */
export interface ThresholdFigures {
  /** Voters who took part: every ballot found, valid or not, "against all" included. */
  participated: number;
  votes: Record<string, number>;
  againstAll?: number;
}

/**
 * The count a threshold percentage is taken of.
 * - `participated` (default): voters who took part in the voting; this is how the CEC
 *   published the 2021 percentages (Ata-Jurt Kyrgyzstan: 222,005 / 1,281,622 = 17.32%).
 * - `valid`: valid ballots, i.e. votes for parties plus "against all".
 * - `party-votes`: votes for parties only.
 */
export function thresholdBaseCount(base: ThresholdBase, figures: ThresholdFigures): number {
  const partyVotes = total(figures.votes);
  switch (base) {
    case 'participated':
      return figures.participated;
    case 'valid':
      return partyVotes + (figures.againstAll ?? 0);
    case 'party-votes':
      return partyVotes;
  }
}

export interface ThresholdOutcome {
  id: string;
  votes: number;
  /** votes / base */
  share: number;
  passed: boolean;
  /** Why it failed, in English (logs, exports). */
  reason?: string;
  /** Why it failed, for a page to say in its own language: the threshold it was under, and where (none: the whole territory). */
  under?: { threshold: number; regions?: string[] };
}

/**
 * The fewest votes that pass `threshold` of `base` ("under 7% get nothing"), in integers
 * (threshold in millionths), so 7% of a base is never lost to rounding.
 */
export function votesToPass(base: number, threshold: number): number {
  return Math.ceil((Math.round(threshold * 1_000_000) * base) / 1_000_000);
}

/** A party passes when its votes are at least `threshold` of `base`; nobody passes a base of none. */
export function passesThreshold(votes: number, base: number, threshold: number): boolean {
  return base > 0 && votes >= votesToPass(base, threshold);
}

export function applyThreshold(votes: Record<string, number>, base: number, threshold: number, label = 'threshold'): ThresholdOutcome[] {
  return Object.entries(votes).map(([id, v]) => {
    const passed = passesThreshold(v, base, threshold);
    const share = base > 0 ? v / base : 0;
    return passed
      ? { id, votes: v, share, passed }
      : { id, votes: v, share, passed, reason: `${(share * 100).toFixed(2)}% is under the ${(threshold * 100).toFixed(1)}% ${label}`, under: { threshold } };
  });
}
