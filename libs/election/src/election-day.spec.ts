import { bishkekTime, closingTime, electionDayHour, TURNOUT_CURVE } from './election-day';

describe('election day in Bishkek time', () => {
  it('places the hours of the day at UTC+6', () => {
    expect(closingTime('2021-04-11')).toBe(Date.UTC(2021, 3, 11, 14));
    expect(electionDayHour('2021-04-11', 7)).toBe(Date.UTC(2021, 3, 11, 1));
    expect(bishkekTime(Date.UTC(2021, 3, 11, 14))).toBe('2021-04-11 20:00');
  });

  it('has the 2021 turnout curve rising to the final turnout at 20:00', () => {
    const shares = TURNOUT_CURVE.map(([, s]) => s);
    expect(shares).toEqual(shares.slice().sort((a, b) => a - b));
    expect(TURNOUT_CURVE.at(-1)).toEqual([20, 1]);
  });
});
