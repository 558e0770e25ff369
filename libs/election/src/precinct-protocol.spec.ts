import { checkProtocol, ControlRelation, ProtocolFigures } from './precinct-protocol';

const good: ProtocolFigures = {
  ballotsReceived: 1000,
  ballotsIssued: 600,
  ballotsUnused: 395,
  ballotsSpoiled: 5,
  ballotsInBox: 598,
  validBallots: 580,
  invalidBallots: 18,
  votes: { a: 300, b: 200, c: 70 },
  againstAll: 10,
  identifiedVoters: 601,
};

describe('checkProtocol', () => {
  it('finds nothing wrong with a consistent protocol', () => {
    expect(checkProtocol(good)).toEqual([]);
  });

  const cases: [ControlRelation, Partial<ProtocolFigures>, Record<string, number>][] = [
    ['received-balance', { ballotsUnused: 390 }, { ballotsReceived: 1000, ballotsIssued: 600, ballotsUnused: 390, ballotsSpoiled: 5 }],
    ['box-within-issued', { ballotsInBox: 601, validBallots: 583, votes: { a: 303, b: 200, c: 70 } }, { ballotsInBox: 601, ballotsIssued: 600 }],
    ['box-balance', { invalidBallots: 17 }, { ballotsInBox: 598, validBallots: 580, invalidBallots: 17 }],
    ['valid-balance', { votes: { a: 301, b: 200, c: 70 } }, { validBallots: 580, sumOfVotes: 581 }],
    ['identified-covers-issued', { identifiedVoters: 599 }, { identifiedVoters: 599, ballotsIssued: 600 }],
  ];

  it.each(cases)('names a broken %s relation with its numbers', (relation, change, figures) => {
    const violations = checkProtocol({ ...good, ...change });
    expect(violations).toHaveLength(1);
    expect(violations[0].relation).toBe(relation);
    expect(violations[0].figures).toEqual(figures);
    expect(violations[0].message).toMatch(/\d/);
  });

  it('refuses negative and fractional counts', () => {
    const v = checkProtocol({ ballotsInBox: -1, votes: { a: 1.5 } });
    expect(v.map((x) => x.relation)).toEqual(['non-negative', 'non-negative']);
    expect(v.map((x) => Object.keys(x.figures)[0])).toEqual(['ballotsInBox', 'votes.a']);
  });

  it('skips relations whose figures a source does not have', () => {
    expect(checkProtocol({ ballotsInBox: 10, validBallots: 9, invalidBallots: 1 })).toEqual([]);
  });
});
