import { ThresholdBase } from './definition';
import { hareLargestRemainder, HareWorking } from './hare-quota';
import { LotRecord } from './lot';
import { ThresholdOutcome } from './threshold';
import { total } from './count';

/** A party-list contest's figures, as the allocation functions take them. */
export interface PartyListInput {
  seats: number;
  /** Voters who took part (every ballot in the boxes, valid or not). */
  participated: number;
  votes: Record<string, number>;
  againstAll?: number;
  /** Seed of the lot that breaks ties which votes cannot. */
  seed?: string;
}

export interface CappedParty {
  id: string;
  /** Seats the method would have given. */
  uncapped: number;
  seats: number;
}

/** The answer and its working, step by step. */
export interface PartyListAllocation {
  system: 'city-council' | 'parliament-list';
  seats: Record<string, number>;
  passed: string[];
  failed: ThresholdOutcome[];
  thresholdBase: { kind: ThresholdBase; count: number };
  /** The share of the base a party needed (the contest's rule), and the votes that made it. */
  threshold: { share: number; votesToPass: number };
  /** The first round's Hare quota. */
  quota: number;
  /** One Hare round, or more where the cap bit and the excess was shared out again. */
  rounds: HareWorking[];
  capped: CappedParty[];
  lots: LotRecord[];
  /** Seats nobody could take (no party passed, or every party is at the cap). */
  unallocated: number;
}

/**
 * Hare largest remainder among the parties that passed, with an optional cap: a party over the
 * cap keeps the cap, and the seats it loses go to the others by the same method, again until no
 * party is over.
 */
export function allocateAmongPassed(
  passedVotes: ReadonlyArray<{ id: string; votes: number }>,
  seats: number,
  seed: string,
  cap?: number,
): Pick<PartyListAllocation, 'seats' | 'rounds' | 'capped' | 'lots' | 'unallocated' | 'quota'> {
  const result: Record<string, number> = Object.fromEntries(passedVotes.map((p) => [p.id, 0]));
  const rounds: HareWorking[] = [];
  const capped: CappedParty[] = [];
  let eligible = passedVotes.slice();
  let seatsLeft = seats;
  for (;;) {
    const round = hareLargestRemainder(eligible, seatsLeft, seed);
    rounds.push(round);
    const over = cap === undefined ? [] : round.rows.filter((r) => r.seats > cap);
    if (over.length === 0) {
      for (const r of round.rows) result[r.id] = r.seats;
      break;
    }
    for (const r of over) {
      result[r.id] = cap!;
      capped.push({ id: r.id, uncapped: r.seats, seats: cap! });
      seatsLeft -= cap!;
    }
    const overIds = new Set(over.map((r) => r.id));
    eligible = eligible.filter((p) => !overIds.has(p.id));
    if (eligible.length === 0) break;
  }
  const given = total(result);
  return {
    seats: result,
    rounds,
    capped,
    lots: rounds.flatMap((r) => r.lots),
    unallocated: seats - given,
    quota: rounds[0].quota,
  };
}
