import fc from 'fast-check';
import { allocateVillageCouncil } from './village-council';

describe('allocateVillageCouncil', () => {
  it('gives the reserved 30% to the women with most votes, the rest by votes', () => {
    const candidates = [
      { id: 'm1', sex: 'M' as const, votes: 900 },
      { id: 'm2', sex: 'M' as const, votes: 800 },
      { id: 'm3', sex: 'M' as const, votes: 700 },
      { id: 'm4', sex: 'M' as const, votes: 600 },
      { id: 'm5', sex: 'M' as const, votes: 500 },
      { id: 'w1', sex: 'F' as const, votes: 400 },
      { id: 'w2', sex: 'F' as const, votes: 300 },
      { id: 'w3', sex: 'F' as const, votes: 650 },
    ];
    const a = allocateVillageCouncil({ seats: 5, candidates });
    expect(a.reserved).toBe(2);
    expect(a.reservedTo).toEqual(['w3', 'w1']);
    expect(a.general).toEqual(['m1', 'm2', 'm3']);
    expect(a.elected.sort()).toEqual(['m1', 'm2', 'm3', 'w1', 'w3']);
  });

  it('gives the reserved seats no woman can take to the other candidates', () => {
    const a = allocateVillageCouncil({
      seats: 7,
      candidates: [
        ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, i) => ({ id, sex: 'M' as const, votes: 100 - i })),
        { id: 'w', sex: 'F' as const, votes: 1 },
      ],
    });
    expect(a.reserved).toBe(3);
    expect(a.reservedTo).toEqual(['w']);
    expect(a.shortOfWomen).toBe(2);
    expect(a.elected).toHaveLength(7);
  });

  it('property: the women’s reserve holds whenever enough women stand', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sex: fc.constantFrom<'F' | 'M'>('F', 'M'), votes: fc.nat({ max: 5000 }) }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 25 }),
        (cs, seats) => {
          const candidates = cs.map((c, i) => ({ id: `c${i}`, ...c }));
          const a = allocateVillageCouncil({ seats, candidates });
          const women = candidates.filter((c) => c.sex === 'F').length;
          const electedWomen = a.elected.filter((id) => candidates.find((c) => c.id === id)!.sex === 'F').length;
          expect(a.elected).toHaveLength(Math.min(seats, candidates.length));
          if (women >= a.reserved && candidates.length >= seats) expect(electedWomen).toBeGreaterThanOrEqual(Math.ceil(0.3 * seats - 1e-9));
        },
      ),
    );
  });
});
