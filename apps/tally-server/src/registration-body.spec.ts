import { registrationProblems } from './registration-body';

describe('registrationProblems', () => {
  it('names each field at fault', () => {
    expect(registrationProblems({ definition: { id: 'x' }, devices: [{ id: 'a', kind: 'ballot-box', publicKey: 7 }] })).toEqual([
      'definition.territory is missing',
      'definition.contests is missing',
      'devices[0].precinctId is missing',
      'devices[0].publicKey is not a string',
    ]);
    expect(registrationProblems([])).toEqual(['the body is an array, not an object']);
    expect(registrationProblems({ devices: {} })).toEqual(['definition is missing', 'devices is not a list']);
  });

  it('finds nothing wrong with a body of the right shape, and cuts a long list short', () => {
    expect(
      registrationProblems({
        definition: { id: 'x', territory: {}, contests: [] },
        devices: [{ id: 'a', precinctId: 'p', kind: 'ballot-box', publicKey: 'k' }],
      }),
    ).toEqual([]);
    const many = registrationProblems({ definition: { id: 'x', territory: {}, contests: [] }, devices: Array.from({ length: 5 }, () => ({})) });
    expect(many).toHaveLength(11);
    expect(many[10]).toBe('and 10 more');
  });
});
