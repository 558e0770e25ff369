import { drawLots, LotRecord } from './lot';

export interface HareRow {
  id: string;
  votes: number;
  /** votes / quota */
  quotient: number;
  integerSeats: number;
  /** The fractional part of the quotient. */
  remainder: number;
  remainderSeat: boolean;
  seats: number;
}

export interface HareWorking {
  seats: number;
  totalVotes: number;
  /** Hare quota: total votes of the parties taking part / seats. */
  quota: number;
  rows: HareRow[];
  /** Seats handed out by largest remainder. */
  remainderSeats: number;
  lots: LotRecord[];
}

/**
 * Hare quota, largest remainder. quota = total / seats; each party gets the integer part of
 * votes / quota; the seats left go one each to the largest remainders.
 * Ties for a remainder seat: the larger remainder, then more votes, then a lot drawn with `seed`.
 * Arithmetic is exact: a remainder is compared as (votes × seats) mod total.
 */
export function hareLargestRemainder(parties: ReadonlyArray<{ id: string; votes: number }>, seats: number, seed: string): HareWorking {
  const total = parties.reduce((s, p) => s + p.votes, 0);
  if (total <= 0 || seats <= 0) {
    return {
      seats,
      totalVotes: total,
      quota: 0,
      rows: parties.map((p) => ({ id: p.id, votes: p.votes, quotient: 0, integerSeats: 0, remainder: 0, remainderSeat: false, seats: 0 })),
      remainderSeats: 0,
      lots: [],
    };
  }
  const lotRank = new Map(
    drawLots(
      parties.map((p) => p.id),
      seed,
      'remainder seat',
    ).map((id, i) => [id, i]),
  );
  const exact = parties.map((p) => ({
    id: p.id,
    votes: p.votes,
    integerSeats: Math.floor((p.votes * seats) / total),
    remainderNum: (p.votes * seats) % total,
  }));
  const given = exact.reduce((s, r) => s + r.integerSeats, 0);
  const left = seats - given;
  const tiedOn = (a: (typeof exact)[number], b: (typeof exact)[number]) => a.remainderNum === b.remainderNum && a.votes === b.votes;
  const order = exact.slice().sort((a, b) => b.remainderNum - a.remainderNum || b.votes - a.votes || lotRank.get(a.id)! - lotRank.get(b.id)!);
  const winners = new Set(order.slice(0, left).map((r) => r.id));
  const lots: LotRecord[] = [];
  if (left > 0 && left < order.length && tiedOn(order[left - 1], order[left])) {
    const tied = order.filter((r) => tiedOn(r, order[left]));
    lots.push({ purpose: 'remainder seat', tied: tied.map((r) => r.id), order: tied.map((r) => r.id) });
  }
  const quota = total / seats;
  return {
    seats,
    totalVotes: total,
    quota,
    rows: exact.map((r) => ({
      id: r.id,
      votes: r.votes,
      quotient: r.votes / quota,
      integerSeats: r.integerSeats,
      remainder: r.remainderNum / total,
      remainderSeat: winners.has(r.id),
      seats: r.integerSeats + (winners.has(r.id) ? 1 : 0),
    })),
    remainderSeats: left,
    lots,
  };
}
