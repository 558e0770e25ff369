import fc from 'fast-check';
import { allocateCityCouncil } from './city-council';
import { total } from './count';

const votesArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), fc.nat({ max: 200_000 }), { minKeys: 1 });
const seatsArb = fc.constantFrom(21, 31, 45);

describe('allocateCityCouncil', () => {
  it('gives nothing to a party under 7% of those who took part, and counts 7% exactly as passing', () => {
    // 1,000 took part: 70 votes is exactly 7%, 69 is under.
    const a = allocateCityCouncil({ seats: 21, participated: 1000, votes: { big: 600, mid: 240, edge: 70, under: 69 } });
    expect(a.passed.sort()).toEqual(['big', 'edge', 'mid']);
    expect(a.failed.map((f) => f.id)).toEqual(['under']);
    expect(a.failed[0].reason).toMatch(/6\.90% is under the 7\.0% threshold/);
    expect(a.failed[0].under).toEqual({ threshold: 0.07 });
    expect(a.seats.under).toBeUndefined();
    expect(total(a.seats)).toBe(21);
  });

  it('measures the threshold against the chosen base', () => {
    // 100 invalid ballots: 65 of 1,000 who took part is 6.5%, but 65 of 900 valid is 7.2%.
    const figures = { seats: 21, participated: 1000, votes: { a: 500, b: 335, c: 65 } };
    expect(allocateCityCouncil(figures).passed).not.toContain('c');
    expect(allocateCityCouncil(figures, { thresholdBase: 'valid' }).passed).toContain('c');
    expect(allocateCityCouncil(figures, { thresholdBase: 'valid' }).thresholdBase).toEqual({ kind: 'valid', count: 900 });
  });

  it("states the rule's share and the fewest votes that pass it, which do pass and one fewer does not", () => {
    const figures = { seats: 21, participated: 1001, votes: { a: 500, b: 430, c: 71 } };
    const a = allocateCityCouncil(figures, { threshold: 0.07 });
    // 7% of 1,001 is 70.07: 71 votes pass, 70 do not.
    expect(a.threshold).toEqual({ share: 0.07, votesToPass: 71 });
    expect(a.passed).toContain('c');
    expect(allocateCityCouncil({ ...figures, votes: { ...figures.votes, c: 70 } }).passed).not.toContain('c');
    expect(allocateCityCouncil(figures, { threshold: 0.1 }).threshold).toEqual({ share: 0.1, votesToPass: 101 });
  });

  it('counts against-all votes toward participation but never gives them seats', () => {
    const a = allocateCityCouncil({ seats: 21, participated: 1000, votes: { a: 500, b: 300 }, againstAll: 200 });
    expect(Object.keys(a.seats).sort()).toEqual(['a', 'b']);
    expect(a.thresholdBase.count).toBe(1000);
  });

  it('property: seats sum to the council size whenever a party passes', () => {
    fc.assert(
      fc.property(votesArb, seatsArb, fc.nat({ max: 50_000 }), (votes, seats, extra) => {
        const participated = total(votes) + extra;
        const a = allocateCityCouncil({ seats, participated, votes });
        const given = total(a.seats);
        expect(given + a.unallocated).toBe(seats);
        if (a.passed.length > 0) expect(given).toBe(seats);
      }),
    );
  });

  it('property: a party under the threshold never gets a seat', () => {
    fc.assert(
      fc.property(votesArb, seatsArb, (votes, seats) => {
        const participated = total(votes);
        const a = allocateCityCouncil({ seats, participated, votes });
        for (const [party, v] of Object.entries(votes)) {
          if (v * 100 < 7 * participated) expect(a.seats[party] ?? 0).toBe(0);
        }
      }),
    );
  });

  it('property: more votes never gives fewer seats within one allocation', () => {
    fc.assert(
      fc.property(votesArb, seatsArb, (votes, seats) => {
        const participated = total(votes);
        const a = allocateCityCouncil({ seats, participated, votes });
        for (const [p, vp] of Object.entries(votes)) {
          for (const [q, vq] of Object.entries(votes)) {
            if (vp > vq) expect(a.seats[p] ?? 0).toBeGreaterThanOrEqual(a.seats[q] ?? 0);
          }
        }
      }),
    );
  });

  it('property: the order of parties in the input does not change the allocation (lot-free cases)', () => {
    fc.assert(
      fc.property(votesArb, seatsArb, fc.integer(), (votes, seats, salt) => {
        const participated = total(votes);
        const a = allocateCityCouncil({ seats, participated, votes });
        fc.pre(a.lots.length === 0);
        const entries = Object.entries(votes);
        const rotated = Object.fromEntries([...entries.slice(Math.abs(salt) % entries.length), ...entries.slice(0, Math.abs(salt) % entries.length)].reverse());
        expect(allocateCityCouncil({ seats, participated, votes: rotated }).seats).toEqual(a.seats);
      }),
    );
  });
});
