import { seededUniform, synthesizeCandidates } from './candidates';
import { Contest, ElectionDefinition, Territory } from './definition';
import { apportion } from './vote-synthesizer';

/** The 2021 parliamentary election at the scale published (press): precincts, voters, turnout. */
export const JOGORKU_KENESH_2021 = {
  date: '2021-11-28',
  precincts: 2494,
  registeredVoters: 3_703_420,
  turnout: 0.3494,
  listSeats: 54,
  singleMemberDistricts: 36,
} as const;

/**
 * The 9 regions with an estimated share of the voters and their single-member districts. The
 * shares are not in the sources (estimated from population); the districts add up to 36.
 */
const REGIONS: { id: string; name: string; share: number; districts: number }[] = [
  { id: 'bishkek', name: 'Бишкек шаары', share: 0.16, districts: 6 },
  { id: 'osh-city', name: 'Ош шаары', share: 0.06, districts: 2 },
  { id: 'batken', name: 'Баткен облусу', share: 0.08, districts: 3 },
  { id: 'jalal-abad', name: 'Жалал-Абад облусу', share: 0.19, districts: 7 },
  { id: 'issyk-kul', name: 'Ысык-Көл облусу', share: 0.08, districts: 3 },
  { id: 'naryn', name: 'Нарын облусу', share: 0.05, districts: 2 },
  { id: 'osh', name: 'Ош облусу', share: 0.22, districts: 8 },
  { id: 'talas', name: 'Талас облусу', share: 0.04, districts: 1 },
  { id: 'chui', name: 'Чүй облусу', share: 0.12, districts: 4 },
];

/** The regions' ids, as a scenario names them to take a part of the country. */
export const JOGORKU_KENESH_2021_REGIONS = REGIONS.map((r) => r.id);

/** The six lists that won seats, with their seats as reported (press); 15 more lists fell under 5%. */
const WINNERS: [string, number][] = [
  ['Ата-Журт Кыргызстан', 15],
  ['Ишеним', 12],
  ['Ынтымак', 9],
  ['Альянс', 7],
  ['Бүтүн Кыргызстан', 6],
  ['Ыйман Нуру', 5],
];
const LISTS = 21;

export interface ParliamentDataset {
  definition: ElectionDefinition;
  /** List seats per party as reported; 0 for the lists that did not pass (of the whole country: a part is not expected to land on them). */
  seats: Record<string, number>;
  /** True when only some regions were taken. */
  part: boolean;
  turnout: number;
  /** What is estimated rather than published. */
  estimateNote: string;
}

/** Candidates per single-member district in 2021: from 5 to 14 (synthetic; the real lists are not in the sources). */
const CANDIDATES_PER_DISTRICT = [5, 14] as const;

/**
 * The 36 single-member districts' contests (plurality, one seat each), with synthetic candidates:
 * about one in six a woman, about half nominated by one of the lists, the rest self-nominated.
 */
function districtContests(regions: Territory[], parties: string[]): Contest[] {
  const random = seededUniform('jogorku-kenesh-2021/candidates');
  return regions.flatMap((r) =>
    (r.children ?? []).map((d) => ({
      id: `${d.id}-contest`,
      name: d.name,
      system: 'single-member' as const,
      seats: 1,
      territoryId: d.id,
      againstAll: false,
      candidates: synthesizeCandidates({
        prefix: d.id,
        count: CANDIDATES_PER_DISTRICT[0] + Math.floor(random() * (CANDIDATES_PER_DISTRICT[1] - CANDIDATES_PER_DISTRICT[0] + 1)),
        women: 0.16,
        parties,
        partyNominated: 0.5,
        random,
      }),
      rules: {},
    })),
  );
}

/**
 * Jogorku Kenesh 2021 at full scale: 2,494 precincts in 36 single-member districts in the 9
 * regions, 3,703,420 voters, the 54 list seats with the 5% / 0.5%-per-region / 27-seat rules, and
 * the 36 districts' own contests: every voter gets both ballots.
 * Precinct sizes vary around the regional mean by a fixed pattern, so the tree is the same on
 * every machine.
 */
export function jogorkuKenesh2021(options: { regions?: readonly string[] } = {}): ParliamentDataset {
  const { precincts, registeredVoters, date } = JOGORKU_KENESH_2021;
  const id = 'kg-2021-11-28-jk';
  const regionVoters = apportion(
    registeredVoters,
    REGIONS.map((r) => r.share),
  );
  const regionPrecincts = apportion(
    precincts,
    REGIONS.map((r) => r.share),
  );
  let serial = 0;
  const all: Territory[] = REGIONS.map((r, ri) => {
    const districtPrecincts = apportion(regionPrecincts[ri], Array(r.districts).fill(1));
    const districtVoters = apportion(regionVoters[ri], districtPrecincts);
    return {
      id: `${id}-${r.id}`,
      name: r.name,
      level: 'region',
      children: districtPrecincts.map((n, di) => {
        const sizes = apportion(
          districtVoters[di],
          Array.from({ length: n }, (_, k) => 1 + 0.4 * Math.sin(k * 2.399)),
        );
        return {
          id: `${id}-${r.id}-smd${di + 1}`,
          name: `${r.name}, №${di + 1} бир мандаттуу округ`,
          level: 'district' as const,
          children: sizes.map((v) => {
            serial++;
            return { id: `${id}-p${String(serial).padStart(4, '0')}`, name: `№${serial} шайлоо участогу`, level: 'precinct' as const, registeredVoters: v };
          }),
        };
      }),
    };
  });
  const unknown = (options.regions ?? []).filter((r) => !REGIONS.some((x) => x.id === r));
  if (unknown.length) throw new Error(`no region ${unknown.join(', ')} in jogorku-kenesh-2021; its regions: ${REGIONS.map((r) => r.id).join(', ')}`);
  // A part of the country keeps its precincts, voters and candidates as in the whole.
  const regions = options.regions ? all.filter((_, ri) => options.regions!.includes(REGIONS[ri].id)) : all;
  const parties = Array.from({ length: LISTS }, (_, i) => ({ id: `jk${i + 1}`, name: WINNERS[i]?.[0] ?? `Тизме ${i + 1}`, order: i + 1 }));
  const definition: ElectionDefinition = {
    id,
    name: 'Жогорку Кеңеш 2021',
    type: 'parliament',
    date,
    territory: { id: `${id}-kg`, name: 'Кыргыз Республикасы', level: 'country', children: regions },
    contests: [
      {
        id: `${id}-list`,
        name: 'Жогорку Кеңеш, партиялык тизмелер',
        system: 'parliament-list',
        seats: JOGORKU_KENESH_2021.listSeats,
        territoryId: `${id}-kg`,
        againstAll: false,
        parties,
        rules: { threshold: 0.05, regionalThreshold: 0.005, cap: 27, thresholdBase: 'participated' },
      },
      ...districtContests(
        all,
        parties.map((p) => p.id),
      ).filter((c) => regions.some((r) => r.children?.some((d) => d.id === c.territoryId))),
    ],
  };
  return {
    definition,
    part: !!options.regions,
    seats: Object.fromEntries(parties.map((p, i) => [p.id, WINNERS[i]?.[1] ?? 0])),
    turnout: JOGORKU_KENESH_2021.turnout,
    estimateNote:
      'precincts, voters and turnout as published; their split over the regions is estimated from population; list names of the 15 lists under 5% are placeholders; the candidates of the 36 single-member districts are synthetic (names, sex, nomination drawn from a fixed seed)',
  };
}
