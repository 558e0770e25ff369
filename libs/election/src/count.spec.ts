import fc from 'fast-check';
import { addCount, addVotes, ballotsOf, total, validBallots } from './count';

describe('a count of ballots', () => {
  const count = { votes: { a: 30, b: 12 }, invalidBallots: 3, againstAll: 5 };

  it('is valid ballots (party votes and against all) plus the invalid ones', () => {
    expect(total(count.votes)).toBe(42);
    expect(validBallots(count)).toBe(47);
    expect(ballotsOf(count)).toBe(50);
    expect(ballotsOf({ votes: { a: 1 }, invalidBallots: 2 })).toBe(3);
  });

  it('adds party by party, keeping parties only one side has, and subtracts with sign −1', () => {
    const into = { votes: { a: 1, c: 4 }, invalidBallots: 1 };
    addCount(into, count);
    expect(into).toEqual({ votes: { a: 31, b: 12, c: 4 }, invalidBallots: 4, againstAll: 5 });
    addVotes(into.votes, count.votes, -1);
    expect(into.votes).toEqual({ a: 1, b: 0, c: 4 });
  });

  it('property: the ballots of a sum are the sum of the ballots', () => {
    const countArb = fc.record({
      votes: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat({ max: 10_000 })),
      invalidBallots: fc.nat({ max: 1000 }),
      againstAll: fc.option(fc.nat({ max: 1000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(countArb, { maxLength: 20 }), (counts) => {
        const sum = { votes: {}, invalidBallots: 0 };
        for (const c of counts) addCount(sum, c);
        expect(ballotsOf(sum)).toBe(counts.reduce((s, c) => s + ballotsOf(c), 0));
      }),
    );
  });
});
