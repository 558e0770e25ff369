import fc from 'fast-check';
import { allocateParliamentList, allocateSingleMember } from './parliament';
import { passesThreshold } from './threshold';
import { total } from './count';

const REGIONS = ['Бишкек', 'Ош шаары', 'Баткен', 'Жалал-Абад', 'Ысык-Көл', 'Нарын', 'Ош', 'Талас', 'Чүй'];

/** Splits national votes evenly over the 9 regions (remainder to the first). */
function evenRegions(votes: Record<string, number>, participated: number) {
  return Object.fromEntries(
    REGIONS.map((name, i) => [
      name,
      {
        participated: Math.floor(participated / 9) + (i === 0 ? participated % 9 : 0),
        votes: Object.fromEntries(Object.entries(votes).map(([p, v]) => [p, Math.floor(v / 9) + (i === 0 ? v % 9 : 0)])),
      },
    ]),
  );
}

describe('allocateParliamentList', () => {
  it('uses the share of voters who took part, as the CEC published it (Ata-Jurt Kyrgyzstan 17.32%)', () => {
    expect(222005 / 1281622).toBeCloseTo(0.1732, 4);
    expect(passesThreshold(222005, 1281622, 0.05)).toBe(true);
  });

  it('refuses a party that has 5% nationwide but under 0.5% in one region', () => {
    const votes = { a: 40000, b: 30000, c: 20000, d: 10000 };
    const regions = evenRegions(votes, 100000);
    // Party d wins nothing in Talas.
    regions['Талас'].votes.d = 0;
    regions['Бишкек'].votes.d += Math.floor(10000 / 9);
    const a = allocateParliamentList({ seats: 54, participated: 100000, votes, regions });
    expect(a.passed).not.toContain('d');
    expect(a.regionalFailures.d).toEqual(['Талас']);
    expect(a.failed.find((f) => f.id === 'd')!.reason).toMatch(/Талас/);
  });

  it('caps a party at 27 seats and shares its excess among the others by the same method', () => {
    const votes = { a: 700000, b: 200000, c: 100000 };
    const a = allocateParliamentList({ seats: 54, participated: 1000000, votes, regions: evenRegions(votes, 1000000) });
    expect(a.seats.a).toBe(27);
    expect(a.capped).toEqual([{ id: 'a', uncapped: 38, seats: 27 }]);
    expect(a.rounds).toHaveLength(2);
    // 27 seats left for b and c, 2:1.
    expect(a.seats).toEqual({ a: 27, b: 18, c: 9 });
  });

  it('property: the cap holds and every seat is given while another party can take it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 2, maxLength: 8 }), (vs) => {
        const votes = Object.fromEntries(vs.map((v, i) => [`p${i}`, v]));
        const participated = vs.reduce((a, b) => a + b, 0);
        const a = allocateParliamentList({ seats: 54, participated, votes, regions: evenRegions(votes, participated) });
        for (const s of Object.values(a.seats)) expect(s).toBeLessThanOrEqual(27);
        const given = total(a.seats);
        expect(given + a.unallocated).toBe(54);
        if (a.passed.length >= 2) expect(a.unallocated).toBe(0);
      }),
    );
  });
});

describe('allocateSingleMember', () => {
  it('elects the plurality winner', () => {
    expect(allocateSingleMember({ x: 10, y: 30, z: 20 }).winner).toBe('y');
  });

  it('decides a tie at the top by lot and says so', () => {
    const r = allocateSingleMember({ x: 30, y: 30, z: 20 }, 'seed');
    expect(['x', 'y']).toContain(r.winner);
    expect(r.lot?.tied).toEqual(['x', 'y']);
    expect(r.lot?.order[0]).toBe(r.winner);
  });
});
