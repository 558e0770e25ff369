import { createHash } from 'node:crypto';
import raw from '../data/kg-city-councils-2021.json';
import { ElectionDefinition, Party, Territory } from './definition';

interface CouncilRecord {
  no: number;
  council: string;
  city: string;
  mandates: number;
  partiesRegistered: number;
  seats?: { party: string; seats: number }[];
  voters?: number;
  precincts?: number;
  turnoutPct?: number;
  resultsAnnulled?: boolean;
}

export interface CouncilParty extends Party {
  /** Published seats; 0 for a party that did not pass. */
  seats: number;
  /** The source names only the parties that won seats; the others are placeholders. */
  nameKnown: boolean;
}

/** One 2021 city council with published seats, calibrated for a simulation. */
export interface CouncilDataset {
  no: number;
  council: string;
  city: string;
  mandates: number;
  voters: number;
  precincts: number;
  /** Turnout as a fraction, e.g. 0.406. */
  turnout: number;
  parties: CouncilParty[];
  /** True where voters, precincts and turnout are estimates (the source gives them only for six cities). */
  estimated: boolean;
  estimateNote?: string;
}

const ELECTION_DATE = '2021-04-11';

/**
 * The region (oblast, or city of republican significance) of each city with a council. Not in the
 * source table; it is administrative geography, added so results add up the territory tree.
 */
const REGION_OF_CITY: Record<string, string> = {
  Бишкек: 'Бишкек шаары',
  Ош: 'Ош шаары',
  Баткен: 'Баткен облусу',
  'Кызыл-Кыя': 'Баткен облусу',
  Исфана: 'Баткен облусу',
  Сүлүктү: 'Баткен облусу',
  Кадамжай: 'Баткен облусу',
  Айдаркен: 'Баткен облусу',
  'Жалал-Абад': 'Жалал-Абад облусу',
  Кербен: 'Жалал-Абад облусу',
  'Көк-Жаңгак': 'Жалал-Абад облусу',
  'Майлуу-Суу': 'Жалал-Абад облусу',
  'Кочкор-Ата': 'Жалал-Абад облусу',
  'Кара-Көл': 'Жалал-Абад облусу',
  'Базар-Коргон': 'Жалал-Абад облусу',
  'Чолпон-Ата': 'Ысык-Көл облусу',
  Каракол: 'Ысык-Көл облусу',
  Балыкчы: 'Ысык-Көл облусу',
  Нарын: 'Нарын облусу',
  Ноокат: 'Ош облусу',
  Өзгөн: 'Ош облусу',
  Талас: 'Талас облусу',
  Кемин: 'Чүй облусу',
  Орловка: 'Чүй облусу',
  Шопоков: 'Чүй облусу',
  Кайыңды: 'Чүй облусу',
  Кант: 'Чүй облусу',
  Токмок: 'Чүй облусу',
};

const REGION_IDS: Record<string, string> = {
  'Бишкек шаары': 'bishkek',
  'Ош шаары': 'osh-city',
  'Баткен облусу': 'batken',
  'Жалал-Абад облусу': 'jalal-abad',
  'Ысык-Көл облусу': 'issyk-kul',
  'Нарын облусу': 'naryn',
  'Ош облусу': 'osh',
  'Талас облусу': 'talas',
  'Чүй облусу': 'chui',
};
const councils = (raw as { councils: CouncilRecord[] }).councils;
const monitored = councils.filter((c) => c.voters && c.precincts && c.turnoutPct);

/**
 * The source gives voters, precincts and turnout only for the six monitored cities
 * (Batken, Jalal-Abad, Karakol, Naryn, Talas, Kaiyndy). For the others they are estimated:
 * voters as the median of the monitored councils of the same size, precincts from the
 * monitored median of voters per precinct, turnout as the monitored mean.
 */
function estimate(mandates: number): { voters: number; precincts: number; turnout: number; note: string } {
  const sameSize = monitored.filter((c) => c.mandates === mandates);
  const voters = median((sameSize.length ? sameSize : monitored).map((c) => c.voters!));
  const perPrecinct = median(monitored.map((c) => c.voters! / c.precincts!));
  const turnout = monitored.reduce((s, c) => s + c.turnoutPct!, 0) / monitored.length / 100;
  return {
    voters,
    precincts: Math.max(1, Math.round(voters / perPrecinct)),
    turnout: Math.round(turnout * 1000) / 1000,
    note: `estimated: voters = median of monitored ${mandates}-seat councils, precincts at ${Math.round(perPrecinct)} voters each, turnout = monitored mean`,
  };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

/** The 25 councils whose results stand (three were annulled and re-run). */
export function cityCouncils2021(): CouncilDataset[] {
  return councils.filter((c) => c.seats && !c.resultsAnnulled).map(toDataset);
}

export function cityCouncil2021(nameOrNo: string | number): CouncilDataset {
  const found = cityCouncils2021().find((c) => c.no === nameOrNo || c.city === nameOrNo || c.council === nameOrNo);
  if (!found) {
    const annulled = councils.find((c) => (c.no === nameOrNo || c.city === nameOrNo || c.council === nameOrNo) && c.resultsAnnulled);
    const known = cityCouncils2021()
      .map((c) => `${c.no} ${c.city}`)
      .join(', ');
    throw new Error(
      `no 2021 city council ${JSON.stringify(nameOrNo)} with results${annulled ? ' (its results were annulled and the election re-run)' : ''}; give one of these by number or by city name as written here: ${known}`,
    );
  }
  return found;
}

function toDataset(c: CouncilRecord): CouncilDataset {
  const known = c.seats!.map((s, i) => ({ id: `p${i + 1}`, name: s.party, order: i + 1, seats: s.seats, nameKnown: true }));
  const others = Array.from({ length: Math.max(0, c.partiesRegistered - known.length) }, (_, i) => ({
    id: `p${known.length + i + 1}`,
    name: `Партия ${known.length + i + 1} (өтпөгөн)`,
    order: known.length + i + 1,
    seats: 0,
    nameKnown: false,
  }));
  const base = { no: c.no, council: c.council, city: c.city, mandates: c.mandates, parties: [...known, ...others] };
  if (c.voters && c.precincts && c.turnoutPct) {
    return { ...base, voters: c.voters, precincts: c.precincts, turnout: c.turnoutPct / 100, estimated: false };
  }
  const e = estimate(c.mandates);
  return { ...base, voters: e.voters, precincts: e.precincts, turnout: e.turnout, estimated: true, estimateNote: e.note };
}

/** The council's election definition: city → precincts, one party-list contest. */
export function cityCouncilDefinition(ds: CouncilDataset): ElectionDefinition {
  const code = `cc${String(ds.no).padStart(2, '0')}`;
  const weights = Array.from({ length: ds.precincts }, (_, i) => 0.8 + (createHash('sha256').update(`${code}/${i}`).digest()[0] / 255) * 0.4);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const voters = weights.map((w) => Math.floor((w * ds.voters) / wsum));
  voters[0] += ds.voters - voters.reduce((a, b) => a + b, 0);
  const precincts: Territory[] = voters.map((v, i) => ({
    id: `${code}-p${String(i + 1).padStart(3, '0')}`,
    name: `${ds.city} №${i + 1}`,
    level: 'precinct',
    registeredVoters: v,
  }));
  const region = REGION_OF_CITY[ds.city];
  const city: Territory = { id: code, name: ds.city, level: 'district', children: precincts };
  return {
    id: `kg-${ELECTION_DATE}-${code}`,
    name: ds.council,
    type: 'city-council',
    date: ELECTION_DATE,
    territory: {
      id: 'kg',
      name: 'Кыргыз Республикасы',
      level: 'country',
      children: [{ id: REGION_IDS[region], name: region, level: 'region', children: [city] }],
    },
    contests: [
      {
        id: `${code}-council`,
        name: ds.council,
        system: 'city-council',
        seats: ds.mandates,
        territoryId: code,
        againstAll: false,
        parties: ds.parties.map(({ id, name, order, nameKnown }) => ({ id, name, order, ...(nameKnown ? {} : { unnamed: true }) })),
        rules: { threshold: 0.07, thresholdBase: 'participated' },
      },
    ],
  };
}
