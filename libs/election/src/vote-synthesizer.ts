import { allocateCityCouncil } from './city-council';
import { total } from './count';

/** A source of uniform numbers in [0, 1); pass a seeded one for a repeatable result. */
export type Uniform = () => number;

export interface SynthesisInput {
  /** Published seats per party; 0 for a party that did not pass. */
  seats: Record<string, number>;
  /** Voters who took part. */
  participated: number;
  precincts: { id: string; registeredVoters: number }[];
  random: Uniform;
  threshold?: number;
  /** Give up after this many draws (each is checked against the real allocation). */
  maxAttempts?: number;
}

export interface PrecinctVotes {
  id: string;
  participated: number;
  invalid: number;
  votes: Record<string, number>;
}

export interface SynthesizedVotes {
  votes: Record<string, number>;
  invalid: number;
  participated: number;
  precincts: PrecinctVotes[];
  attempts: number;
}

/**
 * Votes that allocate to exactly the published seats. The seats are known, the votes are not,
 * so it draws votes of the right shape and keeps the first draw that `allocateCityCouncil`
 * maps to those seats:
 * - 1–3% invalid ballots; each party that did not pass gets 0.5–6.5% of participation;
 * - each passing party's Hare quotient is its seats plus a remainder that loses (0.05–0.45),
 *   or its seats minus a deficit that a remainder seat makes up, the deficits adding up to the
 *   losing remainders so the quotients sum to the seats.
 * The totals are then split over the precincts by their voters with some scatter.
 */
export function synthesizeVotes(input: SynthesisInput): SynthesizedVotes {
  const { seats, participated, random } = input;
  const threshold = input.threshold ?? 0.07;
  const maxAttempts = input.maxAttempts ?? 20000;
  const councilSize = total(seats);
  const passing = Object.keys(seats).filter((p) => seats[p] > 0);
  const failing = Object.keys(seats).filter((p) => seats[p] === 0);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const invalid = Math.round(participated * uniform(0.01, 0.03));
    const votes: Record<string, number> = {};
    for (const p of failing) votes[p] = Math.floor(participated * uniform(0.005, Math.min(0.065, threshold - 0.005)));
    const partyPool = participated - invalid - failing.reduce((s, p) => s + votes[p], 0);
    const quotients = drawQuotients(passing, seats, uniform, random);
    if (!quotients) continue;
    let given = 0;
    for (const p of passing) {
      votes[p] = Math.round((quotients[p] * partyPool) / councilSize);
      given += votes[p];
    }
    const largest = passing.reduce((a, b) => (seats[b] > seats[a] ? b : a));
    votes[largest] += partyPool - given;
    const allocation = allocateCityCouncil({ seats: councilSize, participated, votes }, { threshold });
    if (Object.keys(seats).every((p) => (allocation.seats[p] ?? 0) === seats[p])) {
      return { votes, invalid, participated, precincts: splitOverPrecincts(votes, invalid, participated, input.precincts, uniform), attempts: attempt };
    }
  }
  throw new Error(`no votes found that allocate to ${JSON.stringify(seats)} in ${maxAttempts} attempts`);
}

function drawQuotients(
  passing: string[],
  seats: Record<string, number>,
  uniform: (a: number, b: number) => number,
  random: Uniform,
): Record<string, number> | null {
  const order = passing
    .map((p) => ({ p, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.p);
  const winners = order.slice(0, Math.floor(random() * passing.length));
  const losers = order.slice(winners.length);
  const q: Record<string, number> = {};
  let excess = 0;
  let maxLoser = 0;
  for (const p of losers) {
    const e = uniform(0.05, 0.45);
    q[p] = seats[p] + e;
    excess += e;
    maxLoser = Math.max(maxLoser, e);
  }
  if (winners.length === 0) return q;
  const weights = winners.map(() => uniform(0.5, 1.5));
  const wsum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < winners.length; i++) {
    const deficit = (excess * weights[i]) / wsum;
    // A winner's remainder (1 - deficit) must clear every loser's, with room for rounding.
    if (deficit <= 0.02 || 1 - deficit < maxLoser + 0.05 || deficit >= seats[winners[i]]) return null;
    q[winners[i]] = seats[winners[i]] - deficit;
  }
  return q;
}

function splitOverPrecincts(
  votes: Record<string, number>,
  invalid: number,
  participated: number,
  precincts: { id: string; registeredVoters: number }[],
  uniform: (a: number, b: number) => number,
): PrecinctVotes[] {
  const turnoutWeights = precincts.map((p) => p.registeredVoters * uniform(0.85, 1.15));
  const share = apportion(participated, turnoutWeights);
  const split = (count: number) =>
    apportion(
      count,
      share.map((s) => s * uniform(0.8, 1.2)),
    );
  const columns = Object.fromEntries(Object.entries(votes).map(([party, v]) => [party, split(v)]));
  const invalidColumn = split(invalid);
  return precincts.map((p, i) => {
    const pv = Object.fromEntries(Object.keys(votes).map((party) => [party, columns[party][i]]));
    const sum = total(pv) + invalidColumn[i];
    return { id: p.id, participated: sum, invalid: invalidColumn[i], votes: pv };
  });
}

/** Whole numbers proportional to `weights` that add up to exactly `total` (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  const left = total - out.reduce((a, b) => a + b, 0);
  exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .slice(0, left)
    .forEach(({ i }) => out[i]++);
  return out;
}
