import fc from 'fast-check';
import { hareLargestRemainder } from './hare-quota';

describe('hareLargestRemainder', () => {
  it('reproduces the textbook example (10 seats, 100,000 votes)', () => {
    const votes = { A: 47000, B: 16000, C: 15800, D: 12000, E: 6100, F: 3100 };
    const w = hareLargestRemainder(
      Object.entries(votes).map(([id, v]) => ({ id, votes: v })),
      10,
      'seed',
    );
    expect(w.quota).toBe(10000);
    expect(Object.fromEntries(w.rows.map((r) => [r.id, r.seats]))).toEqual({ A: 5, B: 2, C: 1, D: 1, E: 1, F: 0 });
    expect(w.remainderSeats).toBe(3);
    expect(
      w.rows
        .filter((r) => r.remainderSeat)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['A', 'B', 'E']);
    expect(w.lots).toEqual([]);
  });

  it('gives an equal remainder to the party with more votes before any lot', () => {
    // 2 seats, 30 votes: A 7 → 0.467 and B 22 → 1.467 have the same remainder; B has more votes.
    const w = hareLargestRemainder(
      [
        { id: 'A', votes: 7 },
        { id: 'B', votes: 22 },
        { id: 'C', votes: 1 },
      ],
      2,
      's',
    );
    expect(Object.fromEntries(w.rows.map((r) => [r.id, r.seats]))).toEqual({ A: 0, B: 2, C: 0 });
    expect(w.lots).toEqual([]);
  });

  it('draws a lot when remainder and votes are equal, and records it', () => {
    const tie = hareLargestRemainder(
      [
        { id: 'big', votes: 25 },
        { id: 'small', votes: 5 },
        { id: 'x', votes: 15 },
        { id: 'y', votes: 15 },
      ],
      2,
      's',
    );
    // quota 30: big .833, x .5, y .5, small .167 → big then a lot between x and y.
    expect(tie.rows.find((r) => r.id === 'big')!.seats).toBe(1);
    expect(tie.lots).toHaveLength(1);
    expect(tie.lots[0].tied.sort()).toEqual(['x', 'y']);
    const winner = tie.rows.find((r) => r.remainderSeat && r.id !== 'big')!.id;
    expect(winner).toBe(tie.lots[0].order[0]);
  });

  it('draws the same lot for the same seed and can draw another for another seed', () => {
    const parties = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, votes: 10 }));
    const draw = (seed: string) => hareLargestRemainder(parties, 1, seed).rows.find((r) => r.seats === 1)!.id;
    expect(draw('one')).toBe(draw('one'));
    const winners = new Set(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map(draw));
    expect(winners.size).toBeGreaterThan(1);
  });

  it('allocates every seat and no party more than one seat above its integer quotient', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 120 }), (votes, seats) => {
        fc.pre(votes.some((v) => v > 0));
        const w = hareLargestRemainder(
          votes.map((v, i) => ({ id: `p${i}`, votes: v })),
          seats,
          'x',
        );
        expect(w.rows.reduce((s, r) => s + r.seats, 0)).toBe(seats);
        for (const r of w.rows) {
          expect(r.seats - Math.floor(r.quotient + 1e-9)).toBeLessThanOrEqual(1);
          expect(r.seats).toBeGreaterThanOrEqual(r.integerSeats);
        }
      }),
    );
  });
});
