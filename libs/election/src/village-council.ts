import { Sex } from './definition';
import { drawLots, LotRecord } from './lot';

export interface VillageCandidateVotes {
  id: string;
  sex: Sex;
  votes: number;
}

export interface VillageCouncilInput {
  seats: number;
  candidates: VillageCandidateVotes[];
  /** Share of seats reserved for women; at least 30% by law. */
  womenReserve?: number;
  seed?: string;
}

export interface VillageCouncilAllocation {
  elected: string[];
  /** Seats reserved for women: ceil(reserve × seats). */
  reserved: number;
  /** The women elected to reserved seats, by votes. */
  reservedTo: string[];
  /** Reserved seats no woman could take, given to the other candidates. */
  shortOfWomen: number;
  /** The seats given by votes alone, after the reserved ones. */
  general: string[];
  ranking: VillageCandidateVotes[];
  lots: LotRecord[];
}

/**
 * Village council (айылдык кеңеш), one multi-member district, candidates by votes. At least 30%
 * of the seats are reserved for women: they go first to the women with the most votes; the rest
 * go to the remaining candidates, men and women, by votes. With fewer women standing than
 * reserved seats, the rest go to the other candidates. Equal votes: a lot drawn with `seed`.
 */
export function allocateVillageCouncil(input: VillageCouncilInput): VillageCouncilAllocation {
  const seats = Math.min(input.seats, input.candidates.length);
  const reserved = Math.ceil((input.womenReserve ?? 0.3) * input.seats - 1e-9);
  const rank = new Map(
    drawLots(
      input.candidates.map((c) => c.id),
      input.seed ?? '',
      'village council',
    ).map((id, i) => [id, i]),
  );
  const ranking = input.candidates.slice().sort((a, b) => b.votes - a.votes || rank.get(a.id)! - rank.get(b.id)!);
  const women = ranking.filter((c) => c.sex === 'F');
  const reservedTo = women.slice(0, Math.min(reserved, seats)).map((c) => c.id);
  const taken = new Set(reservedTo);
  const rest = ranking.filter((c) => !taken.has(c.id));
  const general = rest.slice(0, seats - reservedTo.length).map((c) => c.id);
  const lots: LotRecord[] = [];
  const lotAt = (list: VillageCandidateVotes[], cut: number, purpose: string) => {
    if (cut <= 0 || cut >= list.length || list[cut - 1].votes !== list[cut].votes) return;
    const tied = list.filter((c) => c.votes === list[cut].votes).map((c) => c.id);
    lots.push({ purpose, tied: tied.slice().sort(), order: tied });
  };
  lotAt(women, reservedTo.length, 'reserved seat');
  lotAt(rest, general.length, 'general seat');
  return {
    elected: [...reservedTo, ...general],
    reserved,
    reservedTo,
    shortOfWomen: Math.max(0, Math.min(reserved, seats) - reservedTo.length),
    general,
    ranking,
    lots,
  };
}
