import { seededUniform, synthesizeCandidates } from './candidates';
import { Contest, ElectionDefinition, Territory } from './definition';
import { apportion } from './vote-synthesizer';

/**
 * Village councils (айылдык кеңеш) elected on 11 April 2021, the city councils' day. The sources
 * give no council's figures: these four are of the sizes the law knows (7 to 21 deputies), with
 * voters, precincts and candidates chosen to match; turnout is the day's (about 35%).
 */
const COUNCILS: { id: string; name: string; region: string; seats: number; voters: number; precincts: number; candidates: number }[] = [
  { id: 'kara-bulak', name: 'Кара-Булак айылдык кеңеши', region: 'Баткен облусу', seats: 7, voters: 2_140, precincts: 2, candidates: 12 },
  { id: 'ak-suu', name: 'Ак-Суу айылдык кеңеши', region: 'Ысык-Көл облусу', seats: 11, voters: 4_870, precincts: 3, candidates: 19 },
  { id: 'kyzyl-too', name: 'Кызыл-Тоо айылдык кеңеши', region: 'Жалал-Абад облусу', seats: 15, voters: 8_310, precincts: 5, candidates: 26 },
  { id: 'sary-oi', name: 'Сары-Ой айылдык кеңеши', region: 'Ысык-Көл облусу', seats: 21, voters: 13_460, precincts: 8, candidates: 34 },
];

export const AYIL_KENESH_2021 = {
  date: '2021-04-11',
  turnout: 0.356,
  /** At least 30% of each council's seats are reserved for women. */
  womenReserve: 0.3,
  /** About a third of the candidates were women. */
  womenCandidates: 0.34,
} as const;

export interface VillageCouncilsDataset {
  definition: ElectionDefinition;
  turnout: number;
  estimateNote: string;
}

/**
 * The village councils as one election: each council is a district of its own with its precincts,
 * and a contest of candidates (multi-member, majoritarian, the women's reserve). Names and
 * figures are fixed, so every machine builds the same definition.
 */
export function ayilKenesh2021(): VillageCouncilsDataset {
  const id = 'kg-2021-04-11-ak';
  const random = seededUniform('ayil-kenesh-2021/candidates');
  let serial = 0;
  const districts: Territory[] = COUNCILS.map((c) => {
    const sizes = apportion(
      c.voters,
      Array.from({ length: c.precincts }, (_, k) => 1 + 0.3 * Math.sin(k * 2.399)),
    );
    return {
      id: `${id}-${c.id}`,
      name: `${c.name} (${c.region})`,
      level: 'district' as const,
      children: sizes.map((v) => {
        serial++;
        return { id: `${id}-p${String(serial).padStart(3, '0')}`, name: `№${serial} шайлоо участогу`, level: 'precinct' as const, registeredVoters: v };
      }),
    };
  });
  const contests: Contest[] = COUNCILS.map((c) => ({
    id: `${id}-${c.id}-council`,
    name: c.name,
    system: 'village-council',
    seats: c.seats,
    territoryId: `${id}-${c.id}`,
    againstAll: false,
    candidates: synthesizeCandidates({
      prefix: `${id}-${c.id}`,
      count: c.candidates,
      women: AYIL_KENESH_2021.womenCandidates,
      minWomen: Math.ceil(AYIL_KENESH_2021.womenReserve * c.seats) + 1,
      random,
    }),
    rules: { womenReserve: AYIL_KENESH_2021.womenReserve },
  }));
  return {
    definition: {
      id,
      name: 'Айылдык кеңештер 2021',
      type: 'village-council',
      date: AYIL_KENESH_2021.date,
      territory: { id: `${id}-kg`, name: 'Айылдык кеңештер', level: 'country', children: districts },
      contests,
    },
    turnout: AYIL_KENESH_2021.turnout,
    estimateNote:
      'the councils, their sizes, voters, precincts and candidates are synthetic (the sources give no village council’s figures); the rules are the law’s',
  };
}
