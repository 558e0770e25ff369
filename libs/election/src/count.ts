/**
 * A count of ballots: votes per party, the invalid ballots, and "against all" where the ballot has
 * that line. What a box counts, a commission counts by hand, and a voter cast, summed alike.
 */
export interface BallotCount {
  votes: Record<string, number>;
  invalidBallots: number;
  againstAll?: number;
}

/** The sum of a record's numbers (votes by party, seats by party, refusals by reason). */
export function total(values: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const key in values) sum += values[key];
  return sum;
}

/** Valid ballots: the votes for parties, and "against all". */
export const validBallots = (c: Pick<BallotCount, 'votes' | 'againstAll'>): number => total(c.votes) + (c.againstAll ?? 0);

/** Every ballot of a count, valid or not. */
export const ballotsOf = (c: BallotCount): number => validBallots(c) + c.invalidBallots;

/** Adds `votes` into `into` in place, party by party (or subtracts them, with sign −1). */
export function addVotes(into: Record<string, number>, votes: Readonly<Record<string, number>>, sign = 1): void {
  for (const party in votes) into[party] = (into[party] ?? 0) + sign * votes[party];
}

/** Adds `c` into `into` in place. */
export function addCount(into: BallotCount, c: BallotCount): void {
  into.invalidBallots += c.invalidBallots;
  if (c.againstAll !== undefined) into.againstAll = (into.againstAll ?? 0) + c.againstAll;
  addVotes(into.votes, c.votes);
}
