import fc from 'fast-check';
import { cityCouncil2021, cityCouncilDefinition } from './city-councils-2021';
import { canonicalJson, definitionHash, ElectionDefinition, precinctsOf, registeredVoters } from './definition';

function reorderKeys(value: unknown, reverse: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, reverse));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, reorderKeys(v, reverse)] as const);
    // Sorted by key alone: a plain sort() turns each [key, value] into a string, which throws for a value like {"toString": ""}.
    return Object.fromEntries(reverse ? entries.reverse() : entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return value;
}

describe('definition hash', () => {
  const definition = cityCouncilDefinition(cityCouncil2021('Кайыңды'));

  it('is the sha-256 of a canonical serialization', () => {
    expect(definitionHash(definition)).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('property: does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(reorderKeys(v, true))).toBe(canonicalJson(reorderKeys(v, false)));
      }),
    );
    expect(definitionHash(reorderKeys(definition, true) as ElectionDefinition)).toBe(definitionHash(definition));
  });

  it('property: changes when any field changes', () => {
    const paths: ((d: any) => void)[] = [
      (d) => (d.id += 'x'),
      (d) => (d.date = '2021-04-12'),
      (d) => (d.contests[0].seats += 1),
      (d) => (d.contests[0].rules.threshold = 0.05),
      (d) => (d.contests[0].parties[0].name += '!'),
      (d) => d.contests[0].parties.reverse(),
      (d) => (d.territory.children[0].children[0].children[0].registeredVoters += 1),
      (d) => (d.territory.children[0].children[0].children[1].id = 'other'),
    ];
    const base = definitionHash(definition);
    fc.assert(
      fc.property(fc.constantFrom(...paths), (mutate) => {
        const copy = structuredClone(definition);
        mutate(copy);
        expect(definitionHash(copy)).not.toBe(base);
      }),
    );
  });

  it('walks the territory tree to its precincts and their voters', () => {
    expect(precinctsOf(definition.territory)).toHaveLength(4);
    expect(registeredVoters(definition.territory)).toBe(5888);
    expect(definition.territory.children![0]).toMatchObject({ id: 'chui', level: 'region', name: 'Чүй облусу' });
  });
});

describe('a 2021 city council by name or number', () => {
  it('finds one by number and by city, and for an unknown name lists those there are', () => {
    expect(cityCouncil2021(cityCouncil2021('Кайыңды').no).city).toBe('Кайыңды');
    expect(() => cityCouncil2021('Bishkek')).toThrow(
      /^no 2021 city council "Bishkek" with results; give one of these by number or by city name as written here: \d+ \S+, .*Кайыңды/,
    );
  });
});
