import { allocate, allocationTable, InputError, parseAllocateInput } from './allocate-input';

describe('allocate input', () => {
  it('allocates a city council from the documented shape', () => {
    const input = parseAllocateInput(JSON.stringify({ system: 'city-council', seats: 21, participated: 1000, votes: { a: 600, b: 300, c: 50 } }));
    const result = allocate(input);
    expect(result.seats).toEqual({ a: 14, b: 7 });
    expect(result.passed).toEqual(['a', 'b']);
    expect(allocationTable(result)).toMatch(/did not pass: 5\.00% is under the 7\.0% threshold/);
  });

  it('needs regions for parliament-list', () => {
    expect(() => parseAllocateInput(JSON.stringify({ system: 'parliament-list', seats: 54, participated: 10, votes: { a: 10 } }))).toThrow(/regions/);
  });

  it.each([
    ['{', /not JSON/],
    ['[]', /JSON object/],
    ['{"system":"mayor"}', /system must be/],
    ['{"system":"city-council","seats":"21"}', /^seats must be a whole number/],
    ['{"system":"city-council","seats":21,"participated":10,"votes":{"a":-1}}', /^votes\.a must be/],
    ['{"system":"city-council","seats":21,"participated":5,"votes":{"a":10}}', /participated \(5\) is less than the votes cast \(10\)/],
  ])('names the field at fault in %s', (text, message) => {
    expect(() => parseAllocateInput(text)).toThrow(InputError);
    expect(() => parseAllocateInput(text)).toThrow(message);
  });
});
