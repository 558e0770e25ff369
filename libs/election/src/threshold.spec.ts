import fc from 'fast-check';
import { passesThreshold, votesToPass } from './threshold';

describe('the threshold', () => {
  it('property: a party passes exactly when votes × 10⁶ ≥ threshold in millionths × base (integer arithmetic)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5_000_000 }), fc.nat({ max: 5_000_000 }), fc.integer({ min: 1, max: 200_000 }), (votes, base, millionths) => {
        const threshold = millionths / 1_000_000;
        expect(passesThreshold(votes, base, threshold)).toBe(base > 0 && votes * 1_000_000 >= millionths * base);
      }),
    );
  });

  it('names the fewest votes that pass: they pass, one fewer does not', () => {
    expect(votesToPass(1000, 0.07)).toBe(70);
    expect(passesThreshold(70, 1000, 0.07)).toBe(true);
    expect(passesThreshold(69, 1000, 0.07)).toBe(false);
    expect(votesToPass(0, 0.07)).toBe(0);
    expect(passesThreshold(0, 0, 0.07)).toBe(false);
  });
});
