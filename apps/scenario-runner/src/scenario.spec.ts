import { loadScenario, parseScenario, ScenarioError, shippedScenarios } from './scenario';
import { runScenario } from './scenario-run';

const minimal = { name: 'x', description: 'd', election: { source: 'city-council-2021', council: 'Кайыңды' }, seed: 's' };

describe('scenario files', () => {
  it('ships the four 2021 days and a fault scenario, each valid', () => {
    const names = shippedScenarios().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['kaiyndy-2021', 'batken-2021', 'city-councils-2021', 'jogorku-kenesh-2021', 'batken-2021-outage']));
    const outage = loadScenario('batken-2021-outage');
    expect(outage.faults.map((f) => f.kind)).toEqual(['modems-down', 'broker-restart', 'tally-server-restart']);
  });

  it('fills the defaults: full speed, online identification, the 2020 box failure rate, 3G modems', () => {
    const s = parseScenario(minimal, 'x.yaml');
    expect(s).toMatchObject({ speed: 'max', identification: 'online', devices: { boxFailureRate: 0.074 }, modems: { default: '3g', regions: {} }, faults: [] });
  });

  it.each([
    [{ ...minimal, devices: { boxFailureRate: 3 } }, /x\.yaml: devices\.boxFailureRate: Too big/],
    [{ ...minimal, speed: 0 }, /x\.yaml: speed:/],
    [{ ...minimal, speed: 'fast' }, 'x.yaml: speed: must be a positive number (virtual seconds per real second) or max'],
    [{ ...minimal, faults: [{ kind: 'box-jam', at: '25:00', precinct: 1 }] }, /x\.yaml: faults\.0\.at: must be a time of election day/],
    [{ ...minimal, faults: [{ kind: 'meteor', at: '12:00' }] }, /x\.yaml: faults\.0\.kind:/],
    [{ ...minimal, election: { source: 'mars-2030' } }, /x\.yaml: election\.source:/],
    [{ ...minimal, turnuot: 0.5 }, /x\.yaml: \(top level\): Unrecognized key: "turnuot"/],
  ])('names the field of a bad scenario (%#)', (raw, message) => {
    expect(() => parseScenario(raw, 'x.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(raw, 'x.yaml')).toThrow(message);
  });

  it('names every problem of a scenario at once, not one per try', () => {
    const without: Record<string, unknown> = { ...minimal };
    delete without.description;
    delete without.seed;
    expect(() => parseScenario({ ...without, speed: 'fast' }, 'x.yaml')).toThrow(
      /^x\.yaml: 3 problems\n {2}description: .*\n {2}seed: .*\n {2}speed: must be a positive number/,
    );
  });

  it('refuses, before the day runs, a fault that would hit nothing, saying what there is', async () => {
    const scenario = parseScenario(
      {
        ...minimal,
        faults: [
          { kind: 'box-jam', at: '12:00', precinct: 99 },
          { kind: 'modems-down', region: 'Atlantis', from: '20:00', until: '21:00' },
        ],
      },
      'x.yaml',
    );
    const run = runScenario(scenario);
    await expect(run).rejects.toThrow(ScenarioError);
    await expect(run).rejects.toThrow(
      /^scenario x: faults\.0: box-jam at precinct 99: \S+ шаардык кеңеши has precincts 1 to 4; faults\.1: modems-down in region "Atlantis": no such region on this day; its regions: \S/,
    );
  });

  it('says which scenarios exist when the name is unknown', () => {
    expect(() => loadScenario('atlantis-2021')).toThrow(/no scenario named atlantis-2021; shipped: .*kaiyndy-2021/);
  });
});
