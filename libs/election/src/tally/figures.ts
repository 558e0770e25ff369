/** Ballots and votes of a count, or of a sum of counts. */
export interface Figures {
  ballotsInBox: number;
  invalidBallots: number;
  againstAll: number;
  votes: Record<string, number>;
}

export const emptyFigures = (): Figures => ({ ballotsInBox: 0, invalidBallots: 0, againstAll: 0, votes: {} });

/** Adds `f` into `into` in place (or subtracts it, with sign −1). */
export function addFigures(into: Figures, f: Figures, sign = 1): void {
  into.ballotsInBox += sign * f.ballotsInBox;
  into.invalidBallots += sign * f.invalidBallots;
  into.againstAll += sign * f.againstAll;
  for (const [p, v] of Object.entries(f.votes)) into.votes[p] = (into.votes[p] ?? 0) + sign * v;
}

export const copyFigures = (f: Figures): Figures => ({ ...f, votes: { ...f.votes } });
