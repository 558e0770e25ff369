import { ayilKenesh2021, Contest, ElectionDefinition } from '@shailoo/election';
import { definitionProblem } from './election-registry';

/** A definition the services can serve, and the same with one thing wrong in a contest. */
const good = (): ElectionDefinition => ayilKenesh2021().definition;
const withContest = (change: (c: Contest, d: ElectionDefinition) => void): ElectionDefinition => {
  const d = good();
  change(d.contests[0], d);
  return d;
};

describe('definitionProblem for contests of candidates', () => {
  it('serves the village councils as they are', () => {
    expect(definitionProblem(good())).toBeNull();
  });

  it('names a contest id used twice, a territory not in the definition, a candidate listed twice, registration numbers missing or shared', () => {
    expect(definitionProblem(withContest((c, d) => d.contests.push({ ...c })))).toBe(`contest id ${good().contests[0].id} is used twice`);
    expect(definitionProblem(withContest((c) => (c.territoryId = 'nowhere')))).toMatch(/covers territory nowhere, which is not in the definition/);
    expect(definitionProblem(withContest((c) => c.candidates!.push({ ...c.candidates![0] })))).toMatch(/lists a candidate twice/);
    expect(definitionProblem(withContest((c) => delete c.candidates![1].registration))).toMatch(/needs a registration number of their own, or none does/);
    expect(definitionProblem(withContest((c) => (c.candidates![1].registration = c.candidates![0].registration)))).toMatch(/registration number of their own/);
    expect(definitionProblem(withContest((c) => c.candidates!.forEach((x) => delete x.registration)))).toBeNull();
    expect(definitionProblem(withContest((c) => (c.candidates![0].id = 'a/b')))).toMatch(/candidate id/);
  });
});
