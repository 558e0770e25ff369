import { ThresholdBase } from './definition';
import { drawLots, LotRecord } from './lot';
import { allocateAmongPassed, PartyListAllocation, PartyListInput } from './party-list';
import { applyThreshold, passesThreshold, thresholdBaseCount, ThresholdOutcome, votesToPass } from './threshold';

export interface RegionFigures {
  participated: number;
  votes: Record<string, number>;
  againstAll?: number;
}

export interface ParliamentListInput extends PartyListInput {
  /** The 9 regions: 7 oblasts, Bishkek and Osh. */
  regions: Record<string, RegionFigures>;
  cap?: number;
}

export interface ParliamentRules {
  /** 5% nationwide. */
  threshold?: number;
  /** 0.5% in each region. */
  regionalThreshold?: number;
  /** No party more than 27 list seats. */
  cap?: number;
  thresholdBase?: ThresholdBase;
}

export interface ParliamentListAllocation extends PartyListAllocation {
  /** Per party, the regions where it fell under the regional threshold. */
  regionalFailures: Record<string, string[]>;
}

/**
 * Jogorku Kenesh, the 54 list seats: a party passes with 5% nationwide and 0.5% in each of the
 * 9 regions; Hare quota, largest remainder; no party more than 27 seats, the excess going to the
 * other passing parties by the same method.
 */
export function allocateParliamentList(input: ParliamentListInput, rules: ParliamentRules = {}): ParliamentListAllocation {
  const threshold = rules.threshold ?? 0.05;
  const regional = rules.regionalThreshold ?? 0.005;
  const cap = input.cap ?? rules.cap ?? 27;
  const kind = rules.thresholdBase ?? 'participated';
  const count = thresholdBaseCount(kind, input);
  const regionalFailures: Record<string, string[]> = {};
  const outcomes: ThresholdOutcome[] = applyThreshold(input.votes, count, threshold, 'national threshold').map((o) => {
    const failedIn = Object.entries(input.regions)
      .filter(([, r]) => !passesThreshold(r.votes[o.id] ?? 0, thresholdBaseCount(kind, r), regional))
      .map(([name]) => name);
    regionalFailures[o.id] = failedIn;
    if (!o.passed || failedIn.length === 0) return o;
    return {
      ...o,
      passed: false,
      reason: `under ${(regional * 100).toFixed(1)}% in ${failedIn.join(', ')}`,
      under: { threshold: regional, regions: failedIn },
    };
  });
  const passed = outcomes.filter((o) => o.passed);
  const allocation = allocateAmongPassed(passed, input.seats, input.seed ?? '', cap);
  return {
    system: 'parliament-list',
    ...allocation,
    passed: passed.map((p) => p.id),
    failed: outcomes.filter((o) => !o.passed),
    thresholdBase: { kind, count },
    threshold: { share: threshold, votesToPass: votesToPass(count, threshold) },
    regionalFailures,
  };
}

export interface SingleMemberResult {
  winner: string | null;
  ranking: { id: string; votes: number }[];
  /** How a tie at the top was decided, when there was one. */
  tie?: { rule: 'registered-earlier' | 'lot'; tied: string[]; order: string[] };
  lot?: LotRecord;
}

/**
 * Single-member district: plurality. A tie at the top goes to the candidate registered earlier
 * (who filed first): the rule the CEC stated for the 2021 law's single-member districts (24.kg,
 * 2022-01, on the repeat elections in two of the 36 districts: «в случае, если два претендента …
 * наберут равное количество голосов, победителем признают того, кто раньше подал документы и
 * получил регистрацию»). Without registration numbers a lot drawn with `seed` decides, and says so.
 */
export function allocateSingleMember(votes: Record<string, number>, seed = '', registration: Record<string, number> = {}): SingleMemberResult {
  const ids = Object.keys(votes);
  if (ids.length === 0) return { winner: null, ranking: [] };
  const byRegistration = ids.every((id) => registration[id] !== undefined);
  const rank = byRegistration ? new Map(ids.map((id) => [id, registration[id]])) : new Map(drawLots(ids, seed, 'single-member').map((id, i) => [id, i]));
  const ranking = ids.map((id) => ({ id, votes: votes[id] })).sort((a, b) => b.votes - a.votes || rank.get(a.id)! - rank.get(b.id)!);
  const tied = ranking.filter((r) => r.votes === ranking[0].votes).map((r) => r.id);
  if (tied.length < 2) return { winner: ranking[0].id, ranking };
  const record = { tied: tied.slice().sort(), order: tied };
  return {
    winner: ranking[0].id,
    ranking,
    tie: { rule: byRegistration ? 'registered-earlier' : 'lot', ...record },
    ...(byRegistration ? {} : { lot: { purpose: 'single-member', ...record } }),
  };
}
