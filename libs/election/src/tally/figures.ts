import { addVotes, BallotCount } from '../count';

/** Ballots and votes of a count, or of a sum of counts, with the ballots the box or the protocol says it held. */
export interface Figures extends BallotCount {
  ballotsInBox: number;
  againstAll: number;
}

export const emptyFigures = (): Figures => ({ ballotsInBox: 0, invalidBallots: 0, againstAll: 0, votes: {} });

/** Adds `f` into `into` in place (or subtracts it, with sign −1). */
export function addFigures(into: Figures, f: Figures, sign = 1): void {
  into.ballotsInBox += sign * f.ballotsInBox;
  into.invalidBallots += sign * f.invalidBallots;
  into.againstAll += sign * f.againstAll;
  addVotes(into.votes, f.votes, sign);
}

export const copyFigures = (f: Figures): Figures => ({ ...f, votes: { ...f.votes } });
